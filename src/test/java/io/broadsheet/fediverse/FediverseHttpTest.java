package io.broadsheet.fediverse;

import com.sun.net.httpserver.HttpServer;
import io.broadsheet.clients.IpAddresses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The address guard by address, and FediverseHttp against a real server on loopback: refused without
 * allow-private-addresses, reached with it, bodies bounded, no redirect followed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FediverseHttpTest {

    private static final String BASE = "https://news.example.com";
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (requests) {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("User-Agent"));
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/redirect")) {
                exchange.getResponseHeaders().set("Location", "/actor");
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = (path.startsWith("/big") ? "x".repeat(5000) : "{\"id\": \"actor\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @Test
    void everyAddressOfAPrivateLoopbackLinkLocalOrReservedRangeIsRefusedAndPublicOnesPass() {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.1.2.3", "172.16.0.1",
                "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1",
                "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1",
                "::ffff:10.0.0.1", "::127.0.0.1", "::ffff:0:169.254.169.254", "64:ff9b::10.0.0.1", "2002:c0a8:0101::1",
                "fec0::1")) {
            assertNotNull(AddressGuard.nonPublic(parse(address)), address + " must be refused");
        }
        for (String address : List.of("93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1",
                "2606:4700::1111", "64:ff9b::93.184.216.34", "2002:5db8:d822::1")) {
            assertNull(AddressGuard.nonPublic(parse(address)), address + " is public");
        }
    }

    @Test
    void aDnsCacheTurnedOffIsSetTo30SecondsAndOtherSettingsAreLeftAlone() {
        assertTrue(AddressGuard.cachesNothing("0", null), "security property 0");
        assertTrue(AddressGuard.cachesNothing(null, "0"), "unset security property, sun.net.inetaddr.ttl 0");
        assertFalse(AddressGuard.cachesNothing("-1", "0"), "security property -1 wins over the system property");
        assertFalse(AddressGuard.cachesNothing("60", null), "a positive security property");
        assertFalse(AddressGuard.cachesNothing(null, "-1"), "sun.net.inetaddr.ttl -1");
        assertFalse(AddressGuard.cachesNothing(null, null), "nothing set: the JDK's 30 s");
        String before = Security.getProperty(AddressGuard.CACHE_TTL);
        try {
            Security.setProperty(AddressGuard.CACHE_TTL, "0");
            new FediverseHttp(settings(true), BASE);
            assertEquals("30", Security.getProperty(AddressGuard.CACHE_TTL), "the cache TTL once the client exists");
            Security.setProperty(AddressGuard.CACHE_TTL, "-1");
            new FediverseHttp(settings(true), BASE);
            assertEquals("-1", Security.getProperty(AddressGuard.CACHE_TTL), "a cache kept forever is left alone");
        } finally {
            Security.setProperty(AddressGuard.CACHE_TTL, before == null ? "30" : before);
        }
    }

    @Test
    void ietfProtocolAssignmentsAndLocalUseNat64AreRefusedAndWellKnownNat64FollowsItsIpv4Address() {
        for (String address : List.of("192.0.0.1", "192.0.0.170", "192.0.0.255", "::ffff:192.0.0.8",
                "64:ff9b::192.0.0.9", "64:ff9b:1::1", "64:ff9b:1:ffff::5db8:d822", "64:ff9b:1::93.184.216.34")) {
            assertNotNull(AddressGuard.nonPublic(parse(address)), address + " must be refused");
        }
        for (String address : List.of("192.0.1.1", "192.1.0.1", "64:ff9b::192.0.1.1", "64:ff9b:2::1")) {
            assertNull(AddressGuard.nonPublic(parse(address)), address + " is public, got: "
                    + AddressGuard.nonPublic(parse(address)));
        }
    }

    @Test
    void aLoopbackServerIsRefusedWithoutTheSwitchNamingTheHostAndTheAddress() {
        FediverseHttp http = new FediverseHttp(settings(false), BASE);
        int before = requestCount();
        BlockedAddressException refused = assertThrows(BlockedAddressException.class,
                () -> http.send(get("https://localhost:" + port() + "/actor"), 1000));
        assertTrue(refused.getMessage().contains("localhost") && refused.getMessage().contains("loopback"),
                "the host and the kind of address in: " + refused.getMessage());
        assertThrows(BlockedAddressException.class, () -> http.send(get("http://example.com/actor"), 1000),
                "plain http without the switch");
        assertThrows(BlockedAddressException.class, () -> http.send(get("https://user@example.com/actor"), 1000),
                "a URL with user-info");
        assertThrows(BlockedAddressException.class, () -> new AddressGuard(true).check(URI.create("ftp://example.com/a")),
                "ftp, even with the switch (HttpClient would not build the request either)");
        assertEquals(before, requestCount(), "requests that reached the server");
    }

    @Test
    void withTheSwitchTheLoopbackServerIsReachedWithTheUserAgent() throws Exception {
        FediverseHttp http = new FediverseHttp(settings(true), BASE);
        HttpResponse<byte[]> response = http.send(get(url("/actor")), 1000);
        assertEquals(200, response.statusCode());
        assertEquals("{\"id\": \"actor\"}", new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(lastRequest().endsWith(" Broadsheet/" + SoftwareVersion.VALUE + " (+" + BASE + ")"), "the User-Agent of " + lastRequest());
        assertThrows(BlockedAddressException.class, () -> http.send(get("https://u:p@127.0.0.1:" + port() + "/"), 1000),
                "user-info is refused even with the switch");
    }

    @Test
    void aBodyOverTheLimitFailsNamingTheLimit() {
        FediverseHttp http = new FediverseHttp(settings(true), BASE);
        IOException over = assertThrows(IOException.class, () -> http.send(get(url("/big")), 4000));
        assertEquals("body over 4000 bytes", over.getMessage());
    }

    @Test
    void neitherAGetNorAPostFollowsARedirect() throws Exception {
        FediverseHttp http = new FediverseHttp(settings(true), BASE);
        assertEquals(302, http.send(get(url("/redirect")), 1000).statusCode(), "a GET's redirect is its answer");
        assertTrue(lastRequest().startsWith("GET /redirect "), "the last request the server saw: " + lastRequest());
        HttpRequest post = HttpRequest.newBuilder(URI.create(url("/redirect")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertEquals(302, http.send(post, 1000).statusCode(), "a POST's redirect is its answer");
    }

    private static InetAddress parse(String literal) {
        InetAddress address = IpAddresses.parse(literal);
        assertNotNull(address, literal);
        return address;
    }

    private static FediverseSettings settings(boolean allowPrivate) {
        return new FediverseSettings(allowPrivate, Duration.ofSeconds(10), Duration.ofHours(48), 16,
                Duration.ofSeconds(10), 262_144, 100, 8, 100);
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private int requestCount() {
        synchronized (requests) {
            return requests.size();
        }
    }

    private String lastRequest() {
        synchronized (requests) {
            return requests.get(requests.size() - 1);
        }
    }
}
