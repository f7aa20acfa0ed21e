package io.broadsheet.feed.http;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.testing.RawHttp;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.http.HttpDates;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.RawHttp.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loop's answers to polls of cached feeds ({@link FeedFastPath}) are the answers Micronaut's route gives:
 * the same status, fields and bytes in every variant, in the order requests were sent, with the same connection
 * handling; and what is not theirs to answer reaches Micronaut.
 */
@MicronautTest(transactional = false)
class FeedFastPathTest extends HttpTest {

    private static final String WHEN = "2026-05-01T08:00:00Z";
    /** Any other query parameter sends a request through Micronaut's route: the same representation, from there. */
    private static final String VIA_ROUTER = "?via=router";

    @Inject
    MutableClock clock;

    @Inject
    FeedFastPath fast;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.withMutableClock("FeedFastPathTest");
    }

    @BeforeAll
    void articles() {
        clock.set(Instant.parse("2026-05-02T10:00:00Z"));
        for (int i = 0; i < 3; i++) {
            assertEquals(201, http.post("/api/articles", json(article("fast-" + i, "2026-05-01T08:0" + i + ":00Z", "fast",
                    "quick"))).status());
        }
        clock.set(Instant.parse("2026-05-02T10:00:10Z"));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void everyVariantIsAnsweredAsMicronautsRouteAnswersIt(FeedFormat format) throws IOException {
        String path = "/feeds/fast." + format.extension();
        assertEquals(200, http.get(path).status()); // rendered and cached
        RawHttp.Answer plain = exchange(path, "GET");
        String lastModified = plain.header("Last-Modified").orElseThrow();
        String[][] variants = {
                {},
                {"Accept-Encoding: gzip, deflate, br"},
                {"Accept: application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.5"},
                {"If-None-Match: " + plain.header("ETag").orElseThrow()},
                {"If-None-Match: \"other\", W/" + plain.header("ETag").orElseThrow(), "Accept-Encoding: gzip"},
                {"If-Modified-Since: " + lastModified},
                {"If-Modified-Since: Thu, 01 Jan 1970 00:00:00 GMT"},
                {"Accept-Encoding: gzip;q=0"},
                {"X-Forwarded-For: 192.0.2.1", "User-Agent: Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers)"},
                {"Connection: close"},
                {"Connection: keep-alive, close"},
        };
        for (String method : List.of("GET", "HEAD")) {
            for (String[] variant : variants) {
                sameAnswers(path, method, variant);
            }
        }
        // within the second of the feed's last change, Last-Modified is withheld on both paths; then sent on both
        Instant now = clock.instant();
        clock.set(Instant.parse("2026-05-02T10:00:00.500Z"));
        sameAnswers(path, "GET");
        assertTrue(exchange(path, "GET").header("Last-Modified").isEmpty(), "withheld in its own second");
        clock.set(Instant.parse("2026-05-02T10:00:01Z"));
        sameAnswers(path, "GET", "Accept-Encoding: gzip");
        assertEquals(lastModified, exchange(path, "GET").header("Last-Modified").orElseThrow());
        clock.set(now);
        // what the variants mean, read from the event loop's answers
        RawHttp.Answer gzip = exchange(path, "GET", "Accept-Encoding: gzip");
        assertEquals("gzip", gzip.header("Content-Encoding").orElseThrow());
        assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes());
        ParsedFeed feed = FeedParsers.parse(format, new String(plain.body(), StandardCharsets.UTF_8));
        assertEquals(List.of("fast-2-title", "fast-1-title", "fast-0-title"),
                feed.items().stream().map(ParsedFeed.Item::title).toList());
        for (ParsedFeed.Item item : feed.items()) { // every picture with its caption and credit, from the event loop
            String key = item.title().replace("-title", "");
            assertEquals(List.of(key + "-img1-caption", key + "-img2-caption"),
                    item.images().stream().map(ParsedFeed.Image::caption).toList(), format + " " + key);
            assertEquals(List.of(key + "-img1-credit", key + "-img2-credit"),
                    item.images().stream().map(ParsedFeed.Image::credit).toList(), format + " " + key);
        }
        assertEquals(304, exchange(path, "GET", "If-None-Match: " + plain.header("ETag").orElseThrow()).status());
        assertEquals(200, exchange(path, "GET", "If-None-Match: " + gzip.header("ETag").orElseThrow()
                .replace("-gzip", "-other")).status());
    }

    /**
     * One request on each path, each on a connection of its own: the same answer, fields in the same order, and
     * for a request that names its connection's fate, the same fate.
     */
    private void sameAnswers(String path, String method, String... variant) throws IOException {
        boolean fate = List.of(variant).stream().anyMatch(h -> h.startsWith("Connection:"));
        // a close is waited for as long as a busy machine may need; a connection that stays open, half a second
        int closeWait = List.of(variant).contains("Connection: close") ? 30_000 : 500;
        String what = path + " " + method + " " + List.of(variant);
        long before = fast.answered();
        RawHttp.Answer quick;
        boolean quickClosed;
        try (RawHttp connection = new RawHttp(server.getURI())) {
            quick = connection.send(request(method, path, variant)).read(method.equals("HEAD"));
            // counted before the answer left: no wait (with Connection: close it used to be counted after the close)
            assertEquals(before + 1, fast.answered(), "answered on the event loop: " + what);
            connection.timeout(closeWait);
            quickClosed = fate && connection.closedByServer();
        }
        RawHttp.Answer routed;
        boolean routedClosed;
        try (RawHttp connection = new RawHttp(server.getURI())) {
            routed = connection.send(request(method, path + VIA_ROUTER, variant)).read(method.equals("HEAD"));
            connection.timeout(closeWait);
            routedClosed = fate && connection.closedByServer();
        }
        assertEquals(before + 1, fast.answered(), "a query other than page= goes to the route: " + what);
        assertEquals(routed.statusLine(), quick.statusLine(), what);
        assertEquals(routed.lines("Date"), quick.lines("Date"), what);
        assertArrayEquals(routed.body(), quick.body(), what);
        assertEquals(routedClosed, quickClosed, "the connection closes alike: " + what);
        assertEquals(HttpDates.format(clock.instant()), quick.header("Date").orElseThrow(), "an IMF-fixdate: " + what);
    }

    @Test
    void aHeadAndAGetFollowEachOtherOnOneConnection() throws IOException {
        http.get("/feeds/quick.rss");
        long before = fast.answered();
        try (RawHttp connection = new RawHttp(server.getURI())) {
            RawHttp.Answer head = connection.send(request("HEAD", "/feeds/quick.rss")).read(true);
            RawHttp.Answer get = connection.send(request("GET", "/feeds/quick.rss")).read(false);
            RawHttp.Answer again = connection.send(request("HEAD", "/feeds/quick.rss", "Accept-Encoding: gzip")).read(true);
            assertEquals(200, head.status());
            assertEquals(String.valueOf(get.body().length), head.header("Content-Length").orElseThrow());
            assertEquals(get.header("ETag"), head.header("ETag"));
            assertTrue(again.header("ETag").orElseThrow().endsWith("-gzip\""));
            FeedParsers.parse(FeedFormat.RSS, new String(get.body(), StandardCharsets.UTF_8));
        }
        assertEquals(before + 3, fast.answered());
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderSentWhicheverPathAnswersThem() throws IOException {
        http.get("/feeds/fast.json");
        http.get("/feeds/quick.atom");
        try (RawHttp connection = new RawHttp(server.getURI())) {
            // the second (a page past the tenth, never cached) is rendered on the blocking pool: the requests after
            // it must wait for its answer
            connection.send(request("GET", "/feeds/fast.json")
                    + request("GET", "/feeds/fast.rss?page=11")
                    + request("GET", "/feeds/quick.atom")
                    + request("GET", "/feeds/no-such-feed.json")
                    + request("HEAD", "/feeds/fast.json")
                    + request("GET", "/feeds/quick.atom", "If-None-Match: \"stale\""));
            List<String> answers = new ArrayList<>();
            for (boolean head : new boolean[]{false, false, false, false, true, false}) {
                RawHttp.Answer answer = connection.read(head);
                answers.add(answer.status() + " " + answer.header("Link").orElse(answer.header("Content-Type").orElse("")));
            }
            String base = "https://news.example.com"; // the site the test configuration names
            assertEquals(List.of(
                    "200 <" + base + "/feeds/fast.json>; rel=\"self\"",
                    "404 application/problem+json",
                    "200 <" + base + "/feeds/quick.atom>; rel=\"self\"",
                    "404 application/problem+json",
                    "200 <" + base + "/feeds/fast.json>; rel=\"self\"",
                    "200 <" + base + "/feeds/quick.atom>; rel=\"self\""), answers);
            connection.timeout(500);
            assertFalse(connection.closedByServer(), "the connection stays open");
        }
    }

    @Test
    void http10AndConnectionCloseEndTheConnectionAfterTheAnswer() throws IOException {
        http.get("/feeds/quick.rss");
        long before = fast.answered();
        try (RawHttp connection = new RawHttp(server.getURI())) {
            connection.send("GET /feeds/quick.rss HTTP/1.0\n\n");
            RawHttp.Answer answer = connection.read(false);
            assertEquals("HTTP/1.0 200 OK", answer.statusLine());
            assertTrue(answer.header("Connection").isEmpty());
            assertTrue(connection.closedByServer());
        }
        try (RawHttp connection = new RawHttp(server.getURI())) {
            connection.send(request("GET", "/feeds/quick.rss", "Connection: close") + request("GET", "/feeds/quick.rss"));
            RawHttp.Answer answer = connection.read(false);
            assertEquals(200, answer.status());
            assertEquals("close", answer.header("Connection").orElseThrow());
            assertTrue(connection.closedByServer(), "nothing is answered after Connection: close");
        }
        assertEquals(before + 2, fast.answered());
    }

    @Test
    void whatIsNotAPollOfACachedPublicFeedReachesMicronaut() throws IOException {
        http.get("/feeds/fast.rss");
        String etag = http.get("/feeds/fast.rss").header("ETag").orElseThrow();
        String[][] requests = {
                {"GET", "/feeds/fast.rss", "304", "A-IM: feed", "If-None-Match: " + etag}, // a delta, its base current
                {"GET", "/feeds/fast.rss?page=x", "400"},
                {"GET", "/feeds/fast.rss?page=1&key=k", "200"},
                {"GET", "/feeds/fast.xml", "404"},
                {"GET", "/feeds/feed.xsl", "404"}, // the XSLT view is gone
                // a browser gets the feed's page: made and kept on the route
                {"GET", "/feeds/fast.rss", "200", "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
                {"HEAD", "/feeds/fast.json", "200", "Accept: text/html", "Accept-Encoding: gzip"},
                {"POST", "/feeds/fast.rss", "405", "Content-Length: 0"},
                {"GET", "/feeds/fast.rss", "200", "Content-Length: 2"},
                {"OPTIONS", "/feeds/fast.rss", "204"},
                {"GET", "/feeds/f%61st.rss", "200"},
                {"GET", "/feeds//fast.rss", "404"},
        };
        for (String[] r : requests) {
            long before = fast.answered();
            try (RawHttp connection = new RawHttp(server.getURI())) {
                String[] headers = java.util.Arrays.copyOfRange(r, 3, r.length);
                String body = r[1].equals("/feeds/fast.rss") && List.of(headers).contains("Content-Length: 2") ? "{}" : "";
                RawHttp.Answer answer = connection.send(request(r[0], r[1], headers) + body).read(r[0].equals("HEAD"));
                assertEquals(Integer.parseInt(r[2]), answer.status(), List.of(r).toString());
            }
            assertEquals(before, fast.answered(), "left to the route: " + List.of(r));
        }
    }

    @Test
    void aChangeIsServedAtOnceAndItsPollsCountedInTheMetrics() {
        http.get("/feeds/quick.json");
        String etag = http.get("/feeds/quick.json").header("ETag").orElseThrow();
        assertEquals(201, http.post("/api/articles", json(article("fast-3", WHEN, "quick"))).status());
        clock.set(clock.instant().plusSeconds(2));
        assertEquals(200, http.send(http.request("/feeds/quick.json").header("If-None-Match", etag)).status(),
                "the write dropped the cached copy before it was answered");
        String fresh = http.get("/feeds/quick.json").header("ETag").orElseThrow();
        double before = counted("quick", "json", "304");
        long answered = fast.answered();
        for (int i = 0; i < 5; i++) {
            assertEquals(304, http.send(http.request("/feeds/quick.json").header("If-None-Match", fresh)).status());
        }
        assertEquals(answered + 5, fast.answered());
        assertEquals(before + 5, counted("quick", "json", "304"), 0.0);
    }

    private double counted(String feed, String format, String status) {
        String prefix = "broadsheet_feed_requests_total{coding=\"identity\",feed=\"" + feed + "\",format=\"" + format
                + "\",status=\"" + status + "\"} ";
        return http.getAsAdmin("/metrics").body().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()))).sum();
    }

    private RawHttp.Answer exchange(String path, String method, String... headers) throws IOException {
        try (RawHttp connection = new RawHttp(server.getURI())) {
            return connection.send(request(method, path, headers)).read(method.equals("HEAD"));
        }
    }
}
