package io.broadsheet.clients;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client a request comes from: the connection's peer, unless that peer is a trusted proxy
 * ({@code broadsheet.trusted-proxies}, a comma-separated list of CIDR blocks or addresses; none by default), in which
 * case the nearest address of {@code X-Forwarded-For} that is not itself a trusted proxy. A forwarded value that is
 * not an IP address literal is never used; so a client can neither invent addresses nor write text into a log.
 */
@Singleton
public class ClientAddresses {

    /** How many X-Forwarded-For entries are read from the right at most: each hop adds one. */
    static final int MAX_HOPS = 16;

    private final List<Block> trusted;

    public ClientAddresses(ClientSettings settings) {
        this.trusted = blocks(settings.trustedProxies());
    }

    /** The client's address as text, from the forwarded field and the peer's address as {@link #peer} gives it. */
    public String address(@Nullable String forwardedFor, String peer) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrustedProxy(peer)) {
            return peer;
        }
        int end = forwardedFor.length();
        for (int hop = 0; hop < MAX_HOPS && end > 0; hop++) {
            int comma = forwardedFor.lastIndexOf(',', end - 1);
            InetAddress hopAddress = IpAddresses.parse(forwardedFor.substring(comma + 1, end));
            if (hopAddress == null) {
                return peer; // a value that is no address: the last trustworthy one is the proxy itself
            }
            if (!trusts(hopAddress)) {
                return hopAddress.getHostAddress();
            }
            end = comma;
        }
        return peer;
    }

    /** Whether the peer (an address literal) is one of the trusted proxies. */
    public boolean isTrustedProxy(String peer) {
        if (trusted.isEmpty()) {
            return false;
        }
        InetAddress address = IpAddresses.parse(peer);
        return address != null && trusts(address);
    }

    /** Whether any trusted proxy is configured. */
    public boolean anyTrusted() {
        return !trusted.isEmpty();
    }

    /** A connection's peer address as text, without a reverse lookup. */
    public static String peer(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    private boolean trusts(InetAddress address) {
        for (Block block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static List<Block> blocks(String list) {
        List<Block> blocks = new ArrayList<>();
        if (list == null) {
            return blocks;
        }
        for (String item : list.split(",")) {
            String text = item.strip();
            if (!text.isEmpty()) {
                blocks.add(Block.parse(text));
            }
        }
        return List.copyOf(blocks);
    }

    /** One CIDR block: an address and how many of its leading bits a member shares. */
    record Block(byte[] network, int bits) {

        static Block parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("broadsheet.trusted-proxies: \"" + text
                        + "\" is not an IP address or CIDR block (for example 10.0.0.0/8, 192.0.2.7, ::1/128)");
            }
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("broadsheet.trusted-proxies: \"" + text
                        + "\" has a prefix length outside 0 to " + max);
            }
            return new Block(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
