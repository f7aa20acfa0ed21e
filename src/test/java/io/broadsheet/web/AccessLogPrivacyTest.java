package io.broadsheet.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.broadsheet.testing.RawHttp;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access log, as the service writes it: the real client, no partner key, and one honest line per request. */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogPrivacyTest {

    private static final String ACCESS_LOGGER = "HTTP_ACCESS_LOGGER";
    /** The Common Log Format with the request line's quotes never closed early. */
    private static final Pattern LINE = Pattern.compile(
            "[0-9a-fA-F.:]+ - - \\[[^\\]\"]+] \"(?:[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\.)*\" \\d{3} (?:\\d+|-)");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ACCESS_LOGGER);
    /** Behind a proxy on loopback, as the tests' clients are. */
    private EmbeddedServer proxied;

    @BeforeAll
    void startProxied() {
        proxied = start("127.0.0.1/32,::1/128");
    }

    @AfterAll
    void stopProxied() {
        proxied.close();
    }

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    private static EmbeddedServer start(String trustedProxies) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("AccessLogPrivacyTest"));
        properties.put("broadsheet.access-log", "true");
        properties.put("broadsheet.trusted-proxies", trustedProxies);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** Sends each request on its own connection, reads its answer, and returns the access log's lines for them. */
    private List<String> logged(EmbeddedServer server, String... requests) throws IOException, InterruptedException {
        int before = lines().size();
        for (String request : requests) {
            try (RawHttp raw = new RawHttp(server.getURI())) {
                raw.send(request).read(request.startsWith("HEAD"));
            }
        }
        long deadline = System.nanoTime() + 30_000_000_000L; // the line is written once the answer has been sent
        while (lines().size() < before + requests.length && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> lines = lines();
        assertEquals(before + requests.length, lines.size(), "one line per request, got " + lines);
        return lines.subList(before, lines.size());
    }

    private List<String> lines() {
        synchronized (appender) {
            return new ArrayList<>(appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        }
    }

    @Test
    void aTrustedProxysForwardedAddressIsLoggedAndAForgedOneIsNot() throws Exception {
        List<String> lines = logged(proxied,
                RawHttp.request("GET", "/feeds/all.rss", "X-Forwarded-For: 203.0.113.9"),
                RawHttp.request("GET", "/feeds/all.rss",
                        "X-Forwarded-For: 1.2.3.4 - - [01/Jan/2026:00:00:00 +0000] \"GET /forged HTTP/1.1\" 200 1"));
        assertTrue(lines.get(0).startsWith("203.0.113.9 - - ["), "the client behind the proxy: " + lines.get(0));
        assertTrue(lines.get(1).startsWith("127.0.0.1 - - ["), "not an address: the proxy itself, got " + lines.get(1));
        lines.forEach(line -> assertTrue(LINE.matcher(line).matches(), "a well-formed line: " + line));
    }

    @Test
    void anUntrustedPeersForwardedFieldsAreIgnored() throws Exception {
        try (EmbeddedServer server = start("192.0.2.0/24")) {
            List<String> lines = logged(server,
                    RawHttp.request("GET", "/feeds/all.rss", "X-Forwarded-For: 203.0.113.9"),
                    RawHttp.request("GET", "/feeds/all.rss", "Forwarded: for=\"evil\\\" 200 0\""),
                    RawHttp.request("GET", "/feeds/all.rss", "X-Forwarded-For: forged\" line"));
            for (String line : lines) {
                assertTrue(line.startsWith("127.0.0.1 - - ["), "the peer, whatever it forwards: " + line);
                assertFalse(line.contains("203.0.113.9") || line.contains("evil") || line.contains("forged"), line);
            }
        }
    }

    @Test
    void partnerKeysInTheQueryAreHiddenInAnyCaseAndEncoding() throws Exception {
        List<String> lines = logged(proxied,
                RawHttp.request("GET", "/feeds/partner-wire.rss?KEY=secret1"),
                RawHttp.request("GET", "/feeds/partner-wire.rss?page=1&Key=secret2"),
                RawHttp.request("GET", "/feeds/partner-wire.rss?%4bey=secret3"),
                RawHttp.request("HEAD", "/feeds/partner-wire.atom?k%65Y=secret4"),
                RawHttp.request("GET", "/feeds/all.rss?q=bsk_secret5AbC"));
        String all = String.join("\n", lines);
        for (int i = 1; i <= 5; i++) {
            assertFalse(all.contains("secret" + i), "secret" + i + " reached the log: " + all);
        }
        assertTrue(lines.get(0).contains("\"GET /feeds/partner-wire.rss?KEY=(hidden) HTTP/1.1\" 404 "), lines.get(0));
        assertTrue(lines.get(4).contains("\"GET /feeds/all.rss?q=(hidden) HTTP/1.1\" 200 "), lines.get(4));
    }

    @Test
    void aRequestLineWithQuotesControlsOrBidiCharactersCannotForgeALine() throws Exception {
        List<String> lines = logged(proxied,
                RawHttp.request("GET", "/feeds/all.rss?x=\"]\"GET\\"),
                RawHttp.request("GET", "/feeds/all.rss?x=\u00e2\u0080\u00ae\u00e2\u0080\u00a8"),
                RawHttp.request("GET", "/feeds/all.rss?x=\u001b[2K"),
                RawHttp.request("GET", "/feeds/all.rss?x=a\r127.0.0.1"));
        for (String line : lines) {
            assertTrue(LINE.matcher(line).matches(), "one well-formed line, got " + line);
        }
        // the lines of requests answered in the same instant may be written in either order
        assertTrue(lines.stream().anyMatch(l -> l.contains("?x=\\\"]\\\"GET\\\\ HTTP/1.1\"")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("?x=\\xE2\\x80\\xAE\\xE2\\x80\\xA8 ")), lines.toString());
    }
}
