package io.broadsheet.feed.http;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.feed.http.BrowserViewTest.CHROME;
import static io.broadsheet.feed.http.BrowserViewTest.FEEDPARSER;
import static io.broadsheet.feed.http.BrowserViewTest.FIREFOX;
import static io.broadsheet.feed.http.BrowserViewTest.SAFARI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that opens a feed's URL gets the feed's page, in every format; feed readers get the feed itself, as before
 * but for the stylesheet instruction it no longer carries. Each variant has its own validators, every answer varies on
 * Accept, and the page carries the security fields of every page.
 */
@MicronautTest(transactional = false)
class BrowserViewHttpTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final String HTML = "text/html;charset=utf-8";
    /** Headers that must not differ between the feed and its page. */
    private static final List<String> SHARED = List.of("Cache-Control", "Last-Modified", "Vary", "Surrogate-Key",
            "Cache-Tag");

    @Inject
    FeedCache cache;

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("broadsheet.test.mutable-clock", "true");
        return properties;
    }

    @BeforeAll
    void publish() {
        assertEquals(201, http.post("/api/articles", json(article("bv1", WHEN, "viewed"))).status());
        // answers whose Last-Modified is of the current second withhold it: move the clock past that second
        clock.set(clock.instant().plusSeconds(2));
    }

    private static String path(FeedFormat format) {
        return "/feeds/viewed." + format.extension();
    }

    private Http.Answer get(String path, String accept, String... headers) {
        HttpRequest.Builder request = http.request(path);
        if (accept != null) {
            request.header("Accept", accept);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request);
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void chromiumFirefoxAndSafariGetThePageOfTheFeedUnderItsOwnEtag(FeedFormat format) {
        Http.Answer reader = get(path(format), null);
        Http.Answer home = http.get("/");
        String etag = reader.header("ETag").orElseThrow();
        for (String browserAccept : List.of(CHROME, FIREFOX, SAFARI)) {
            Http.Answer browser = get(path(format), browserAccept);
            assertEquals(200, browser.status());
            assertEquals(HTML, browser.header("Content-Type").orElseThrow(), browserAccept);
            assertEquals("bv1-title", Jsoup.parse(browser.body()).selectFirst("article.item h3").text());
            String pageTag = browser.header("ETag").orElseThrow();
            assertTrue(pageTag.startsWith(etag.substring(0, etag.length() - 1) + "-html-"),
                    "expected the feed's ETag " + etag + " with -html-, got " + pageTag);
            for (String header : SHARED) {
                assertEquals(reader.headers().allValues(header), browser.headers().allValues(header), header);
            }
            for (String header : List.of("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options")) {
                assertEquals(home.headers().allValues(header), browser.headers().allValues(header),
                        header + " as every page sends it");
            }
        }
        assertEquals("Accept-Encoding, Accept", reader.header("Vary").orElseThrow());
        assertTrue(reader.header("Content-Security-Policy").isEmpty(), "a feed is no page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "application/rss+xml", "application/atom+xml", "application/feed+json",
            "application/xml", FEEDPARSER, "application/rss+xml, application/atom+xml, text/html;q=0.5"})
    void feedReadersGetTheFeedItselfWithoutAStylesheetInstruction(String accept) {
        for (FeedFormat format : FeedFormat.readerFormats()) {
            Http.Answer plain = get(path(format), null);
            Http.Answer reader = get(path(format), accept.isEmpty() ? null : accept);
            assertEquals(200, reader.status());
            assertEquals(format.contentType(), reader.header("Content-Type").orElseThrow(), accept);
            assertEquals(plain.header("ETag"), reader.header("ETag"), accept);
            assertEquals("Accept-Encoding, Accept", reader.header("Vary").orElseThrow());
            assertArrayEquals(plain.bytes(), reader.bytes());
            assertFalse(reader.body().contains("xml-stylesheet"), reader.body());
            if (format != FeedFormat.JSON) {
                String root = format == FeedFormat.RSS ? "<rss " : "<feed ";
                assertTrue(reader.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root),
                        "expected the root right after the declaration, got " + reader.body().substring(0, 120));
            }
            assertEquals("bv1-title", FeedParsers.parse(format, reader.body()).items().get(0).title());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void eachVariantRevalidatesWithItsOwnValidatorsOnly(FeedFormat format) {
        String path = path(format);
        String readerTag = get(path, null).header("ETag").orElseThrow();
        Http.Answer browser = get(path, CHROME);
        String browserTag = browser.header("ETag").orElseThrow();

        Http.Answer browserRevalidates = get(path, CHROME, "If-None-Match", browserTag);
        assertEquals(304, browserRevalidates.status());
        assertEquals("", browserRevalidates.body());
        assertEquals(browserTag, browserRevalidates.header("ETag").orElseThrow());
        assertEquals("Accept-Encoding, Accept", browserRevalidates.header("Vary").orElseThrow());
        Http.Answer readerRevalidates = get(path, null, "If-None-Match", readerTag);
        assertEquals(304, readerRevalidates.status());
        assertEquals(readerTag, readerRevalidates.header("ETag").orElseThrow());

        Http.Answer browserWithReadersTag = get(path, CHROME, "If-None-Match", readerTag);
        assertEquals(200, browserWithReadersTag.status(), "a feed reader's copy is no browser's copy");
        assertEquals(HTML, browserWithReadersTag.header("Content-Type").orElseThrow());
        Http.Answer readerWithBrowsersTag = get(path, format.mediaType(), "If-None-Match", browserTag);
        assertEquals(200, readerWithBrowsersTag.status(), "a browser's copy is no feed reader's copy");
        assertEquals(format.contentType(), readerWithBrowsersTag.header("Content-Type").orElseThrow());

        Http.Answer byDate = get(path, CHROME, "If-Modified-Since", browser.header("Last-Modified").orElseThrow());
        assertEquals(304, byDate.status());
        assertEquals(browserTag, byDate.header("ETag").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void gzipOfThePageHasItsOwnEtagAndEitherCodingRevalidatesIt(FeedFormat format) throws IOException {
        String path = path(format);
        Http.Answer identity = get(path, CHROME);
        String browserTag = identity.header("ETag").orElseThrow();
        String readerGzipTag = get(path, null, "Accept-Encoding", "gzip").header("ETag").orElseThrow();
        HttpResponse<byte[]> gzipped = bytes(http.request(path).header("Accept", CHROME).header("Accept-Encoding", "gzip"));
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals(HTML, gzipped.headers().firstValue("Content-Type").orElseThrow());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(identity.bytes(), in.readAllBytes());
        }
        assertEquals(browserTag.substring(0, browserTag.length() - 1) + "-gzip\"", gzipTag);
        assertNotEquals(readerGzipTag, gzipTag);
        assertEquals(304, get(path, CHROME, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).status());
        assertEquals(304, get(path, CHROME, "Accept-Encoding", "gzip", "If-None-Match", browserTag).status());
        assertEquals(200, get(path, CHROME, "Accept-Encoding", "gzip", "If-None-Match", readerGzipTag).status());
        assertEquals(200, get(path, null, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).status());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void headAnswersLikeGetForEitherVariant(FeedFormat format) {
        for (String accept : new String[] {CHROME, null}) {
            Http.Answer get = get(path(format), accept);
            HttpRequest.Builder request = http.request(path(format)).method("HEAD", HttpRequest.BodyPublishers.noBody());
            if (accept != null) {
                request.header("Accept", accept);
            }
            Http.Answer head = http.send(request);
            assertEquals(200, head.status());
            assertEquals("", head.body());
            assertEquals(accept == null ? format.contentType() : HTML, head.header("Content-Type").orElseThrow());
            for (String header : List.of("Content-Type", "ETag", "Vary", "Cache-Control", "Last-Modified",
                    "Content-Security-Policy", "Referrer-Policy")) {
                assertEquals(get.headers().allValues(header), head.headers().allValues(header), header + " for " + accept);
            }
            assertEquals(String.valueOf(get.bytes().length), head.header("Content-Length").orElseThrow());
        }
    }

    @Test
    void thePagesEtagChangesWithTheFeedAndThePageShowsTheChange() {
        String path = "/feeds/bv-change.rss";
        assertEquals(201, http.post("/api/articles", json(article("bv-change-a", WHEN, "bv-change"))).status());
        String before = get(path, CHROME).header("ETag").orElseThrow();
        assertEquals(304, get(path, CHROME, "If-None-Match", before).status());
        assertEquals(201, http.post("/api/articles", json(article("bv-change-b", WHEN, "bv-change"))).status());
        Http.Answer after = get(path, CHROME, "If-None-Match", before);
        assertEquals(200, after.status(), "the feed changed, so its page did");
        assertNotEquals(before, after.header("ETag").orElseThrow());
        assertEquals(List.of("bv-change-b-title", "bv-change-a-title"),
                Jsoup.parse(after.body()).select("article.item h3").eachText());
    }

    @Test
    void aBrowserThatReloadsAFeedGetsThePageMadeOnceForItsCachedCopy() {
        String path = path(FeedFormat.ATOM);
        Http.Answer first = get(path, CHROME);
        FeedCache.Entry entry = cache.peek("viewed", FeedFormat.ATOM, 1).orElseThrow();
        FeedView made = cache.attached(entry, FeedView.class);
        assertNotNull(made, "the page is kept with the cached feed");
        for (int i = 0; i < 3; i++) {
            assertEquals(first.body(), get(path, FIREFOX).body());
        }
        assertSame(made, cache.attached(cache.peek("viewed", FeedFormat.ATOM, 1).orElseThrow(), FeedView.class),
                "served from the one made");
    }

    @Test
    void aDeltaRequestFromABrowserGetsTheWholePage() {
        String path = path(FeedFormat.RSS);
        String readerBase = get(path, null).header("ETag").orElseThrow();
        Http.Answer delta = get(path, CHROME, "A-IM", "feed", "If-None-Match", readerBase + ", \"older\"");
        assertEquals(200, delta.status());
        assertEquals(HTML, delta.header("Content-Type").orElseThrow());
        assertTrue(delta.header("IM").isEmpty());
    }

    @Test
    void partnerFeedsVaryOnAuthorizationAndAcceptStayPrivateAndNeverShowTheKey() {
        Http.Answer created = http.post("/api/partners", json(Map.of("name", "View partner", "feeds", List.of("partner-wire"))));
        String key = FeedParsers.jsonTree(created.body()).get("key").getStringValue();
        assertEquals(201, http.post("/api/articles", json(article("bv-wire", WHEN, "world"))).status());
        for (Http.Answer browser : List.of(get("/feeds/partner-wire.rss", CHROME, "Authorization", "Bearer " + key),
                get("/feeds/partner-wire.rss?key=" + key, CHROME))) {
            assertEquals(200, browser.status());
            assertEquals(HTML, browser.header("Content-Type").orElseThrow());
            assertEquals("Accept-Encoding, Authorization, Accept", browser.header("Vary").orElseThrow());
            assertTrue(browser.header("Cache-Control").orElseThrow().startsWith("private"));
            assertEquals("https://news.example.com/feeds/partner-wire.rss",
                    Jsoup.parse(browser.body()).selectFirst(".feed-url code").text());
            assertFalse(browser.body().contains(key), "the key is never written into the page");
        }
        assertEquals(404, get("/feeds/partner-wire.rss", CHROME).status(), "without its key, as an unknown feed");
    }

    @Test
    void theStylesheetAndTheXsltViewsAssetsAreGone() {
        for (String accept : new String[] {null, "text/xsl", CHROME}) {
            Http.Answer xsl = get("/feeds/feed.xsl", accept);
            assertEquals(404, xsl.status(), String.valueOf(accept));
        }
        assertEquals(404, http.get("/assets/feed-view.js").status());
        assertEquals(404, http.get("/assets/feed-view.css").status());
    }

    private static HttpResponse<byte[]> bytes(HttpRequest.Builder builder) {
        try {
            return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
