package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conditional GET, freshness, compression, read-after-write and deltas, as a polling aggregator meets them. */
@MicronautTest(transactional = false)
class AggregatorHttpTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";

    @Inject
    MutableClock clock;

    private volatile boolean stopReaders;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.withMutableClock("AggregatorHttpTest");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void matchingValidatorsAnswer304WithTheSameHeadersAndNoBody(FeedFormat format) {
        http.post("/api/articles", json(article("cond-" + format.extension(), WHEN, "conditional-" + format.extension())));
        clock.set(clock.instant().plusSeconds(5));
        String path = "/feeds/conditional-" + format.extension() + "." + format.extension();
        Http.Answer full = http.get(path);
        String etag = full.header("ETag").orElseThrow();
        String lastModified = full.header("Last-Modified").orElseThrow();
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{32}\""), "strong ETag: " + etag);

        Http.Answer byEtag = http.send(http.request(path).header("If-None-Match", etag));
        assertEquals(304, byEtag.status());
        assertEquals("", byEtag.body());
        assertEquals(etag, byEtag.header("ETag").orElseThrow());
        assertEquals(lastModified, byEtag.header("Last-Modified").orElseThrow());
        assertEquals(full.header("Cache-Control"), byEtag.header("Cache-Control"));

        assertEquals(304, http.send(http.request(path).header("If-Modified-Since", lastModified)).status());
        assertEquals(200, http.send(http.request(path).header("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")).status());
        Http.Answer etagWins = http.send(http.request(path).header("If-None-Match", "\"other\"")
                .header("If-Modified-Since", lastModified));
        assertEquals(200, etagWins.status(), "If-None-Match wins over If-Modified-Since");
        assertEquals(304, http.send(http.request(path).header("If-None-Match", "\"x\", W/" + etag)).status());
    }

    @Test
    void aLastModifiedOfTheCurrentSecondIsWithheldSoThatNoChangeInThatSecondIsMissed() {
        clock.set(Instant.parse("2026-06-01T10:00:00.100Z"));
        http.post("/api/articles", json(article("second-a", WHEN, "same-second")));
        Http.Answer first = http.get("/feeds/same-second.rss");
        assertTrue(first.header("Last-Modified").isEmpty(), "Last-Modified of the current second is withheld");
        assertTrue(first.header("ETag").isPresent());
        clock.set(Instant.parse("2026-06-01T10:00:00.700Z"));
        http.post("/api/articles", json(article("second-b", WHEN, "same-second")));
        clock.set(Instant.parse("2026-06-01T10:00:03Z"));
        Http.Answer later = http.get("/feeds/same-second.rss");
        assertEquals("Mon, 01 Jun 2026 10:00:00 GMT", later.header("Last-Modified").orElseThrow());
        assertEquals(2, FeedParsers.parse(FeedFormat.RSS, later.body()).items().size());
        assertEquals(304, http.send(http.request("/feeds/same-second.rss")
                .header("If-Modified-Since", "Mon, 01 Jun 2026 10:00:00 GMT")).status(), "no change after that second");
    }

    @Test
    void deltaKeepsChangesMadeWithinTheSameSecondApart() {
        clock.set(Instant.parse("2026-06-02T10:00:00.100Z"));
        http.post("/api/articles", json(article("ms-a", WHEN, "milliseconds")));
        String first = http.get("/feeds/milliseconds.json").header("ETag").orElseThrow();
        clock.set(Instant.parse("2026-06-02T10:00:00.700Z"));
        http.post("/api/articles", json(article("ms-b", WHEN, "milliseconds")));
        Http.Answer delta = http.send(http.request("/feeds/milliseconds.json").header("A-IM", "feed").header("If-None-Match", first));
        assertEquals(226, delta.status());
        assertEquals(List.of("ms-b-title"), FeedParsers.parse(FeedFormat.JSON, delta.body()).items().stream().map(ParsedFeed.Item::title).toList());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void whateverAFeedReaderAcceptsItGetsTheFeedNever406(FeedFormat format) {
        http.post("/api/articles", json(article("accept-" + format.extension(), WHEN, "accepting")));
        String path = "/feeds/accepting." + format.extension();
        Http.Answer plain = http.get(path);
        for (String accept : List.of(format.mediaType(), "application/rss+xml", "application/atom+xml",
                "application/feed+json", "application/xml", "text/xml", "*/*",
                "application/rss+xml, application/rdf+xml;q=0.8, application/atom+xml;q=0.6, text/xml;q=0.4")) {
            Http.Answer answer = http.send(http.request(path).header("Accept", accept));
            assertEquals(200, answer.status(), accept + ": " + answer.body());
            assertEquals(format.contentType(), answer.header("Content-Type").orElseThrow(), accept);
            assertEquals(plain.body(), answer.body(), accept);
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        http.post("/api/articles", json(article("head1", WHEN, "heads")));
        Http.Answer get = http.get("/feeds/heads.atom");
        Http.Answer head = http.send(http.request("/feeds/heads.atom").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals(get.header("Last-Modified"), head.header("Last-Modified"));
        assertEquals(get.header("Content-Type"), head.header("Content-Type"));
        assertEquals(String.valueOf(get.bytes().length), head.header("Content-Length").orElseThrow());
    }

    @Test
    void aWriteToOneCategoryLeavesAnUnrelatedCategorysValidatorsAlone() {
        http.post("/api/articles", json(article("calm1", WHEN, "calm")));
        http.post("/api/articles", json(article("busy1", WHEN, "busy")));
        clock.set(clock.instant().plusSeconds(5));
        Http.Answer calm = http.get("/feeds/calm.rss");
        Http.Answer busy = http.get("/feeds/busy.rss");
        assertTrue(calm.header("Last-Modified").isPresent() && busy.header("Last-Modified").isPresent());
        clock.set(clock.instant().plusSeconds(60));
        http.post("/api/articles", json(article("busy2", WHEN, "busy")));
        clock.set(clock.instant().plusSeconds(5));
        Http.Answer calmAfter = http.get("/feeds/calm.rss");
        assertEquals(calm.header("ETag"), calmAfter.header("ETag"));
        assertEquals(calm.header("Last-Modified"), calmAfter.header("Last-Modified"));
        Http.Answer busyAfter = http.get("/feeds/busy.rss");
        assertNotEquals(busy.header("ETag"), busyAfter.header("ETag"));
        assertNotEquals(busy.header("Last-Modified"), busyAfter.header("Last-Modified"));
    }

    @Test
    void lastModifiedIsTheLastChangeAndNeverMovesBackwardsWhenTheNewestItemGoes() {
        clock.set(Instant.parse("2026-02-01T10:00:00Z"));
        http.post("/api/articles", json(article("lm-old", "2022-01-01T00:00:00Z", "last-modified")));
        clock.set(Instant.parse("2026-02-01T11:00:00Z"));
        http.post("/api/articles", json(article("lm-new", "2022-01-02T00:00:00Z", "last-modified")));
        clock.set(Instant.parse("2026-02-01T11:00:05Z"));
        assertEquals("Sun, 01 Feb 2026 11:00:00 GMT", http.get("/feeds/last-modified.json").header("Last-Modified").orElseThrow());
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        assertEquals(204, http.delete("/api/articles/lm-new").status());
        clock.set(Instant.parse("2026-02-01T12:00:05Z"));
        Http.Answer after = http.get("/feeds/last-modified.json");
        assertEquals("Sun, 01 Feb 2026 12:00:00 GMT", after.header("Last-Modified").orElseThrow());
        assertEquals(1, FeedParsers.parse(FeedFormat.JSON, after.body()).items().size());
        String rss = http.get("/feeds/last-modified.rss").body();
        assertTrue(rss.contains("<lastBuildDate>Sun, 01 Feb 2026 12:00:00 GMT</lastBuildDate>"), rss);
    }

    @Test
    void aGetAfterAWriteHasBeenAnsweredNeverShowsTheOldState() throws InterruptedException {
        http.post("/api/articles", json(article("raw-0", WHEN, "read-after-write")));
        Thread[] readers = new Thread[4];
        stopReaders = false;
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new Thread(() -> {
                while (!stopReaders) {
                    http.get("/feeds/read-after-write.json");
                }
            });
            readers[i].start();
        }
        try {
            for (int i = 1; i <= 25; i++) {
                String title = "raw-title-v" + i;
                assertEquals(200, http.put("/api/articles/raw-0", json(with(article("raw-0", WHEN, "read-after-write"),
                        "title", title)), null).status());
                ParsedFeed feed = FeedParsers.parse(FeedFormat.JSON, http.get("/feeds/read-after-write.json").body());
                assertEquals(title, feed.items().get(0).title(), "read after write " + i);
            }
        } finally {
            stopReaders = true;
            for (Thread reader : readers) {
                reader.join();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void embargoedArticleAppearsWhenItsTimeComesWithoutAnyWrite(FeedFormat format) {
        clock.set(Instant.parse("2026-03-01T08:00:00Z"));
        String category = "release-" + format.extension();
        http.post("/api/articles", json(article(category + "-now", "2026-03-01T07:00:00Z", category)));
        http.post("/api/articles", json(article(category + "-later", "2026-03-01T09:00:00Z", category)));
        String path = "/feeds/" + category + "." + format.extension();
        Http.Answer before = http.get(path);
        assertEquals(1, FeedParsers.parse(format, before.body()).items().size());
        assertEquals(before.header("ETag"), http.get(path).header("ETag"), "served from the cache meanwhile");
        clock.set(Instant.parse("2026-03-01T09:00:05Z"));
        Http.Answer after = http.get(path);
        assertEquals(2, FeedParsers.parse(format, after.body()).items().size());
        assertEquals("Sun, 01 Mar 2026 09:00:00 GMT", after.header("Last-Modified").orElseThrow());
        assertEquals(200, http.send(http.request(path).header("If-None-Match", before.header("ETag").orElseThrow())).status());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"ATOM", "JSON"})
    void itemUpdatedIsItsPublicationUntilItIsReplaced(FeedFormat format) {
        String category = "updated-" + format.extension();
        clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        http.post("/api/articles", json(article(category + "-1", WHEN, category)));
        ParsedFeed.Item stored = FeedParsers.parse(format, http.get("/feeds/" + category + "." + format.extension()).body()).items().get(0);
        assertEquals(Instant.parse(WHEN), stored.updated(), "storing is no change");
        clock.set(Instant.parse("2026-05-02T10:00:00Z"));
        http.put("/api/articles/" + category + "-1", json(with(article(category + "-1", WHEN, category), "title", "fixed")), null);
        ParsedFeed.Item replaced = FeedParsers.parse(format, http.get("/feeds/" + category + "." + format.extension()).body()).items().get(0);
        assertEquals(Instant.parse("2026-05-02T10:00:00Z"), replaced.updated());
        assertEquals(Instant.parse(WHEN), replaced.published());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void gzipIsNegotiatedAndDecompressesToTheSameDocument(FeedFormat format) throws IOException {
        http.post("/api/articles", json(article("gz-" + format.extension(), WHEN, "gzipped")));
        String path = "/feeds/gzipped." + format.extension();
        Http.Answer identity = http.get(path);
        HttpResponse<byte[]> gzipped = sendBytes(http.request(path).header("Accept-Encoding", "gzip, deflate"));
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        // every reader format also varies on Accept: a browser gets the feed's page (BrowserViewHttpTest); ninjs has none
        String vary = format.forReaders() ? "Accept-Encoding, Accept" : "Accept-Encoding";
        assertEquals(vary, gzipped.headers().firstValue("Vary").orElseThrow());
        assertEquals(vary, identity.header("Vary").orElseThrow());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(identity.bytes(), in.readAllBytes());
        }
        String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(identity.header("ETag").orElseThrow(), gzipEtag, "one ETag per content coding");
        assertEquals(304, http.send(http.request(path).header("Accept-Encoding", "gzip").header("If-None-Match", gzipEtag)).status());
        assertFalse(sendBytes(http.request(path).header("Accept-Encoding", "gzip;q=0")).headers()
                .firstValue("Content-Encoding").isPresent(), "q=0 refuses gzip");
        HttpResponse<byte[]> deflate = sendBytes(http.request(path).header("Accept-Encoding", "deflate, br"));
        assertFalse(deflate.headers().firstValue("Content-Encoding").isPresent(), "only the cached gzip is offered");
        assertArrayEquals(identity.bytes(), deflate.body(), "the bytes the identity ETag names");
    }

    @Test
    void freshnessComesFromTheConfigurationInHeadersAndInRss() {
        http.post("/api/articles", json(article("fresh1", WHEN, "fresh")));
        Http.Answer category = http.get("/feeds/fresh.rss");
        assertEquals("public, max-age=300", category.header("Cache-Control").orElseThrow());
        assertTrue(category.body().contains("<ttl>5</ttl>"), category.body());
        assertTrue(category.body().contains("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>12</sy:updateFrequency>"));
        Http.Answer teasers = http.get("/feeds/teasers.rss");
        assertEquals("public, max-age=60", teasers.header("Cache-Control").orElseThrow());
        assertTrue(teasers.body().contains("<ttl>1</ttl>"));
        assertTrue(teasers.body().contains("<sy:updateFrequency>60</sy:updateFrequency>"));
        assertFalse(category.header("Expires").isPresent(), "never Expires: 0");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void deltaRequestGets226WithOnlyTheItemsAddedOrChangedSince(FeedFormat format) {
        clock.set(Instant.parse("2026-04-01T10:00:00Z"));
        String category = "delta-" + format.extension();
        http.post("/api/articles", json(article(category + "-a", WHEN, category)));
        http.post("/api/articles", json(article(category + "-b", WHEN, category)));
        String path = "/feeds/" + category + "." + format.extension();
        String before = http.get(path).header("ETag").orElseThrow();
        clock.set(Instant.parse("2026-04-01T11:00:00Z"));
        http.post("/api/articles", json(article(category + "-c", WHEN, category)));
        http.put("/api/articles/" + category + "-a", json(with(article(category + "-a", WHEN, category), "title", "changed")), null);
        Http.Answer current = http.get(path);

        Http.Answer delta = http.send(http.request(path).header("A-IM", "feed").header("If-None-Match", before));
        assertEquals(226, delta.status(), delta.body());
        assertEquals("feed", delta.header("IM").orElseThrow());
        assertEquals(current.header("ETag"), delta.header("ETag"), "the ETag of the instance the delta produces");
        List<String> titles = FeedParsers.parse(format, delta.body()).items().stream().map(ParsedFeed.Item::title).toList();
        assertEquals(List.of("changed", category + "-c-title").stream().sorted().toList(), titles.stream().sorted().toList());

        Http.Answer unknown = http.send(http.request(path).header("A-IM", "feed").header("If-None-Match", "\"never-served\""));
        assertEquals(200, unknown.status());
        assertEquals(3, FeedParsers.parse(format, unknown.body()).items().size());
        assertEquals(304, http.send(http.request(path).header("A-IM", "feed")
                .header("If-None-Match", current.header("ETag").orElseThrow())).status());
    }

    @Test
    void browsersMayReadFeedsCrossOrigin() {
        http.post("/api/articles", json(article("cors1", WHEN, "cors")));
        Http.Answer answer = http.get("/feeds/cors.json");
        assertEquals("*", answer.header("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("nosniff", answer.header("X-Content-Type-Options").orElseThrow());
        assertTrue(answer.header("Access-Control-Expose-Headers").orElseThrow().contains("ETag"));
        Http.Answer preflight = http.send(http.request("/feeds/cors.json").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://reader.example.org").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match"));
        assertTrue(preflight.status() == 200 || preflight.status() == 204, "preflight " + preflight);
        assertEquals("*", preflight.header("Access-Control-Allow-Origin").orElseThrow());
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest.Builder builder) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
