package io.broadsheet.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Who polled a feed, for the poll statistics: the same reading on Micronaut's route and on the event loop's path. */
final class Clients {

    private Clients() {
    }

    /** The client: the first address of X-Forwarded-For (a proxy in front), else the connection's peer. */
    static String address(String forwardedFor, String peer) {
        if (forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        int comma = forwardedFor.indexOf(',');
        return (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).strip();
    }

    /** A connection's peer address as text, without a reverse lookup. */
    static String peer(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }
}
