package io.broadsheet.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.server.netty.handler.accesslog.element.ConnectionMetadata;
import io.micronaut.http.server.netty.handler.accesslog.element.LogElement;
import io.micronaut.http.server.netty.handler.accesslog.element.LogElementBuilder;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code %{name}r} in the access log format: the request line with the value of every query parameter
 * {@code name} hidden, so that partner keys sent as {@code ?key=} never reach the log (the admin token and keys
 * sent as {@code Authorization} headers are not logged at all). Loaded by the framework as a service
 * (META-INF/services); a plain {@code %r} stays the framework's own.
 */
public final class AccessLogRequestLine implements LogElementBuilder {

    static final String HIDDEN = "(hidden)";
    private static final String TOKEN = "r";

    /** Before the framework's builder of {@code %r}, which ignores the parameter. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public LogElement build(String token, String param) {
        return TOKEN.equals(token) && param != null && !param.isBlank() ? new Element(param) : null;
    }

    /** {@code uri} with the value of each {@code parameter} in its query replaced, however the name is encoded. */
    static String redact(String uri, String parameter) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, query + 1);
        int start = query + 1;
        while (start <= uri.length()) {
            int end = nextSeparator(uri, start);
            String pair = uri.substring(start, end);
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            out.append(decodes(name, parameter) ? name + "=" + HIDDEN : pair);
            if (end < uri.length()) {
                out.append(uri.charAt(end));
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** The query separators the server's own decoder accepts: '&' and ';'. */
    private static int nextSeparator(String uri, int from) {
        for (int i = from; i < uri.length(); i++) {
            if (uri.charAt(i) == '&' || uri.charAt(i) == ';') {
                return i;
            }
        }
        return uri.length();
    }

    private static boolean decodes(String name, String parameter) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8).equals(parameter);
        } catch (IllegalArgumentException e) {
            return true; // a name that does not decode is hidden rather than guessed at
        }
    }

    private record Element(String parameter) implements LogElement {

        @Override
        public Set<Event> events() {
            return Event.REQUEST_HEADERS_EVENTS;
        }

        @Override
        public String onRequestHeaders(ConnectionMetadata metadata, String method, HttpHeaders headers, String uri,
                                       String protocol) {
            return method + ' ' + redact(uri, parameter) + ' ' + protocol;
        }

        @Override
        public LogElement copy() {
            return this;
        }

        @Override
        public String toString() {
            return "%{" + parameter + "}" + TOKEN;
        }
    }
}
