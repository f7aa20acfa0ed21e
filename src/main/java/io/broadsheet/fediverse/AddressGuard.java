package io.broadsheet.fediverse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.Security;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which remote URLs the service may reach: http(s) without user-info, only https, and only hosts whose every DNS
 * answer is a public unicast address; {@code allow-private-addresses} lifts the last two rules (tests on one machine).
 * Otherwise a stranger could name an actor or an inbox on the service's own network (a database, a metadata
 * endpoint, an admin page) and have the service fetch it or post to it.
 *
 * <p>The check resolves the host, then {@link java.net.http.HttpClient} resolves it again to connect: Java 17 gives no
 * way to hand the client the checked address. Both lookups go through the JVM's address cache, which keeps an answer
 * for {@code networkaddress.cache.ttl} seconds (not set in the JDK's {@code java.security}, hence the JDK's 30 s),
 * so a DNS server that changes its answer between the two (DNS rebinding) wins only when the cached entry expires in
 * the instant between them. A cache turned off (0 s) would leave the window wide open: {@link #keepDnsAnswers()}
 * sets it to 30 s at start-up. docs/fediverse.md says how to narrow it further.
 */
final class AddressGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AddressGuard.class);
    private static final String PRIVATE_HINT = " (broadsheet.fediverse.allow-private-addresses is false)";
    static final String CACHE_TTL = "networkaddress.cache.ttl";
    static final String LEGACY_CACHE_TTL = "sun.net.inetaddr.ttl";
    static final String KEPT_SECONDS = "30";

    private final boolean allowPrivate;

    AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Sets {@code networkaddress.cache.ttl} to 30 s when DNS answers would not be cached at all (the security property
     * is "0", or it is unset and {@code sun.net.inetaddr.ttl} is "0"), and says why once; a positive value, or -1
     * (forever), is left alone. The JDK reads the setting once, at its first lookup of a name: Application calls this
     * before anything starts, and FediverseHttp again for contexts started otherwise.
     */
    static void keepDnsAnswers() {
        synchronized (AddressGuard.class) {
            String security = Security.getProperty(CACHE_TTL);
            if (!cachesNothing(security, System.getProperty(LEGACY_CACHE_TTL))) {
                return;
            }
            Security.setProperty(CACHE_TTL, KEPT_SECONDS);
        }
        LOG.warn("DNS answers were not cached ({}=0): set {} to {} s, so that a remote host's name checked by the"
                + " fediverse's address guard is not resolved afresh, to another address, when the request connects"
                + " (DNS rebinding)", CACHE_TTL, CACHE_TTL, KEPT_SECONDS);
    }

    /** True when the JVM would cache no DNS answer: the security property, else the system property, is "0". */
    static boolean cachesNothing(String securityTtl, String systemTtl) {
        String effective = securityTtl != null ? securityTtl : systemTtl;
        return effective != null && effective.trim().equals("0");
    }

    /** Refuses a URL the service must not reach; resolves its host to check every address it has. */
    void check(URI uri) throws BlockedAddressException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new BlockedAddressException(uri.getHost(), "its scheme is '" + scheme + "'; only https"
                    + (allowPrivate ? " and http are" : " is") + " reached" + (scheme.equals("http") ? PRIVATE_HINT : ""));
        }
        if (uri.getRawUserInfo() != null) {
            throw new BlockedAddressException(uri.getHost(), "a URL with user-info");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new BlockedAddressException(String.valueOf(uri.getRawAuthority()), "a URL without a host name");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            String kind = nonPublic(address);
            if (kind != null) {
                throw new BlockedAddressException(host, "it resolves to " + address.getHostAddress() + ", " + kind
                        + PRIVATE_HINT);
            }
        }
    }

    /** What makes an address one the service must not reach (loopback, private...), or null for a public one. */
    static String nonPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] embedded = embeddedIpv4(v6.getAddress());
            if (embedded != null) {
                String kind = ipv4(embedded);
                return kind == null ? null : kind + " (in an IPv6 form)";
            }
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the any-local address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private (site-local) address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        return address instanceof Inet4Address ? ipv4(address.getAddress()) : ipv6(address.getAddress());
    }

    /** The IPv4 ranges InetAddress does not name: this network, carrier-grade NAT, reserved and broadcast. */
    private static String ipv4(byte[] a) {
        int first = a[0] & 0xFF;
        int second = a[1] & 0xFF;
        if (first == 0) {
            return "an address of 'this network' (0.0.0.0/8)";
        }
        if (first == 127) {
            return "a loopback address";
        }
        if (first == 10 || first == 172 && (second & 0xF0) == 16 || first == 192 && second == 168) {
            return "a private (site-local) address";
        }
        if (first == 192 && second == 0 && (a[2] & 0xFF) == 0) {
            return "an IETF protocol assignment (192.0.0.0/24)";
        }
        if (first == 169 && second == 254) {
            return "a link-local address";
        }
        if (first == 100 && (second & 0xC0) == 64) {
            return "a carrier-grade NAT address (100.64.0.0/10)";
        }
        if (first == 198 && (second & 0xFE) == 18) {
            return "a benchmarking address (198.18.0.0/15)";
        }
        if (first >= 224) {
            return first < 240 ? "a multicast address" : "a reserved or broadcast address (240.0.0.0/4)";
        }
        return null;
    }

    /**
     * The IPv6 ranges InetAddress does not name: unique-local fc00::/7, and the local-use NAT64 prefix
     * 64:ff9b:1::/48 (RFC 8215), which translates to whatever IPv4 network the operator chose.
     */
    private static String ipv6(byte[] a) {
        if ((a[0] & 0xFE) == 0xFC) {
            return "a unique-local address (fc00::/7)";
        }
        boolean localNat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xFF) == 0xFF && (a[3] & 0xFF) == 0x9B
                && a[4] == 0 && a[5] == 1;
        return localNat64 ? "a local-use NAT64 address (64:ff9b:1::/48)" : null;
    }

    /**
     * The IPv4 address an IPv6 address carries, in the forms that reach it: mapped ({@code ::ffff:a.b.c.d}, which
     * Java mostly turns into an Inet4Address itself), compatible ({@code ::a.b.c.d}), translated
     * ({@code ::ffff:0:a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) and 6to4 ({@code 2002:AABB:CCDD::}); else null.
     */
    static byte[] embeddedIpv4(byte[] a) {
        boolean zeroTo8 = Arrays.equals(a, 0, 8, new byte[8], 0, 8);
        int word4 = (a[8] & 0xFF) << 8 | a[9] & 0xFF;
        int word5 = (a[10] & 0xFF) << 8 | a[11] & 0xFF;
        boolean mapped = zeroTo8 && word4 == 0 && word5 == 0xFFFF;
        boolean translated = zeroTo8 && word4 == 0xFFFF && word5 == 0;
        boolean compatible = zeroTo8 && word4 == 0 && word5 == 0 && (a[12] != 0 || a[13] != 0 || a[14] != 0
                || (a[15] & 0xFF) > 1); // :: and ::1 are the any-local and loopback addresses themselves
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xFF) == 0xFF && (a[3] & 0xFF) == 0x9B
                && Arrays.equals(a, 4, 12, new byte[8], 0, 8);
        if (mapped || translated || compatible || nat64) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Arrays.copyOfRange(a, 2, 6);
        }
        return null;
    }
}
