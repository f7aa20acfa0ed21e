package io.broadsheet.web;

import io.broadsheet.clients.ClientAddresses;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.server.netty.handler.accesslog.element.ConnectionMetadata;
import io.micronaut.http.server.netty.handler.accesslog.element.LogElement;
import io.micronaut.http.server.netty.handler.accesslog.element.LogElementBuilder;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code %a} in the access log format: the client as {@link ClientAddresses} tells it, the peer's address unless the
 * peer is a trusted proxy and {@code X-Forwarded-For} names an IP address. The framework's own {@code %a} believes
 * {@code X-Forwarded-For} and {@code Forwarded} from anyone, and writes their first value verbatim. Loaded by the
 * framework as a service (META-INF/services), so it cannot be injected: {@link Installer} hands it each running
 * server's {@link ClientAddresses}, by the server's port; until then it logs the peer.
 */
public final class AccessLogClient implements LogElementBuilder {

    private static final String TOKEN = "a";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    /** One entry per running server (tests run several in one JVM): bounded by the servers, not by requests. */
    private static final Map<Integer, ClientAddresses> BY_PORT = new ConcurrentHashMap<>();

    /** Before the framework's builder of {@code %a}. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public LogElement build(String token, String param) {
        return TOKEN.equals(token) ? Element.INSTANCE : null;
    }

    /** The address logged for a request from {@code remote} to {@code local} carrying {@code forwardedFor}. */
    static String client(SocketAddress local, SocketAddress remote, String forwardedFor) {
        if (remote == null) {
            return "-";
        }
        String peer = ClientAddresses.peer(remote);
        ClientAddresses addresses = local instanceof InetSocketAddress inet ? BY_PORT.get(inet.getPort()) : null;
        return addresses == null ? peer : addresses.address(forwardedFor, peer);
    }

    private enum Element implements LogElement {
        INSTANCE;

        @Override
        public Set<Event> events() {
            return Event.REQUEST_HEADERS_EVENTS;
        }

        @Override
        public String onRequestHeaders(ConnectionMetadata metadata, String method, HttpHeaders headers, String uri,
                                       String protocol) {
            return client(metadata.localAddress().orElse(null), metadata.remoteAddress().orElse(null),
                    headers.get(X_FORWARDED_FOR));
        }

        @Override
        public LogElement copy() {
            return this;
        }

        @Override
        public String toString() {
            return "%" + TOKEN;
        }
    }

    /** Tells the log element which proxies this server trusts, while it runs. */
    @Context
    static class Installer {

        private final ClientAddresses addresses;

        Installer(ClientAddresses addresses) {
            this.addresses = addresses;
        }

        @EventListener
        void onStartup(ServerStartupEvent event) {
            BY_PORT.put(event.getSource().getPort(), addresses);
        }

        @EventListener
        void onShutdown(ServerShutdownEvent event) {
            BY_PORT.remove(event.getSource().getPort(), addresses);
        }
    }
}
