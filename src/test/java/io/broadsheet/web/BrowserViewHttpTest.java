package io.broadsheet.web;

import io.broadsheet.FeedParsers;
import io.broadsheet.Http;
import io.broadsheet.HttpTest;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.broadsheet.Fixtures.article;
import static io.broadsheet.Fixtures.json;
import static io.broadsheet.web.BrowserViewTest.CHROME;
import static io.broadsheet.web.BrowserViewTest.FEEDPARSER;
import static io.broadsheet.web.BrowserViewTest.FIREFOX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that opens a feed's URL gets the same bytes as application/xml, which it shows through the feed's
 * stylesheet; feed readers get what they always got. Each variant has its own validators, and both vary on Accept.
 */
@MicronautTest(transactional = false)
class BrowserViewHttpTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final String XML = "application/xml; charset=utf-8";
    /** Headers that must not differ between the two variants. */
    private static final List<String> SHARED = List.of("Cache-Control", "Last-Modified", "Vary", "Surrogate-Key",
            "Cache-Tag", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "X-Content-Type-Options");

    @BeforeAll
    void publish() {
        assertEquals(201, http.post("/api/articles", json(article("bv1", WHEN, "viewed"))).status());
        // answers whose Last-Modified is of the current second withhold it: let that second pass
        sleepPastTheSecond();
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
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void aBrowserGetsTheSameBytesAsApplicationXmlUnderItsOwnEtag(FeedFormat format) {
        Http.Answer reader = get(path(format), null);
        for (String browserAccept : List.of(CHROME, FIREFOX)) {
            Http.Answer browser = get(path(format), browserAccept);
            assertEquals(200, browser.status());
            assertEquals(XML, browser.header("Content-Type").orElseThrow(), browserAccept);
            assertArrayEquals(reader.bytes(), browser.bytes(), "the same document for both");
            String etag = reader.header("ETag").orElseThrow();
            assertEquals(etag.substring(0, etag.length() - 1) + "-xml\"", browser.header("ETag").orElseThrow());
            for (String header : SHARED) {
                assertEquals(reader.headers().allValues(header), browser.headers().allValues(header), header);
            }
            assertEquals(reader.headers().allValues("Link"), browser.headers().allValues("Link"));
        }
        assertEquals("Accept-Encoding, Accept", reader.header("Vary").orElseThrow());
        assertTrue(reader.body().contains("<?xml-stylesheet type=\"text/xsl\" href=\"feed.xsl\"?>"), reader.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "application/rss+xml", "application/atom+xml", "application/xml", FEEDPARSER,
            "application/rss+xml, application/atom+xml, text/html;q=0.5"})
    void feedReadersGetTheFormatsOwnMediaTypeAndTheSameBytes(String accept) {
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            Http.Answer plain = get(path(format), null);
            Http.Answer reader = get(path(format), accept.isEmpty() ? null : accept);
            assertEquals(200, reader.status());
            assertEquals(format.contentType(), reader.header("Content-Type").orElseThrow(), accept);
            assertEquals(plain.header("ETag"), reader.header("ETag"), accept);
            assertEquals("Accept-Encoding, Accept", reader.header("Vary").orElseThrow());
            assertArrayEquals(plain.bytes(), reader.bytes());
            assertEquals("bv1-title", FeedParsers.parse(format, reader.body()).items().get(0).title());
        }
    }

    @Test
    void jsonFeedIsTheSameForABrowserAndVariesOnlyOnTheCoding() {
        Http.Answer reader = get(path(FeedFormat.JSON), null);
        Http.Answer browser = get(path(FeedFormat.JSON), CHROME);
        assertEquals("application/feed+json; charset=utf-8", browser.header("Content-Type").orElseThrow());
        assertEquals(reader.header("ETag"), browser.header("ETag"));
        assertEquals("Accept-Encoding", browser.header("Vary").orElseThrow());
        assertArrayEquals(reader.bytes(), browser.bytes());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void eachVariantRevalidatesWithItsOwnValidatorsOnly(FeedFormat format) {
        String path = path(format);
        String readerTag = get(path, null).header("ETag").orElseThrow();
        Http.Answer browser = get(path, CHROME);
        String browserTag = browser.header("ETag").orElseThrow();

        Http.Answer browserRevalidates = get(path, CHROME, "If-None-Match", browserTag);
        assertEquals(304, browserRevalidates.status());
        assertEquals("", browserRevalidates.body());
        assertEquals(browserTag, browserRevalidates.header("ETag").orElseThrow());
        assertEquals(XML, browserRevalidates.header("Content-Type").orElseThrow());
        assertEquals("Accept-Encoding, Accept", browserRevalidates.header("Vary").orElseThrow());
        Http.Answer readerRevalidates = get(path, null, "If-None-Match", readerTag);
        assertEquals(304, readerRevalidates.status());
        assertEquals(readerTag, readerRevalidates.header("ETag").orElseThrow());
        assertEquals(format.contentType(), readerRevalidates.header("Content-Type").orElseThrow());

        Http.Answer browserWithReadersTag = get(path, CHROME, "If-None-Match", readerTag);
        assertEquals(200, browserWithReadersTag.status(), "a feed reader's copy is no browser's copy");
        assertEquals(XML, browserWithReadersTag.header("Content-Type").orElseThrow());
        Http.Answer readerWithBrowsersTag = get(path, "application/rss+xml", "If-None-Match", browserTag);
        assertEquals(200, readerWithBrowsersTag.status(), "a browser's copy is no feed reader's copy");
        assertEquals(format.contentType(), readerWithBrowsersTag.header("Content-Type").orElseThrow());

        Http.Answer byDate = get(path, CHROME, "If-Modified-Since", browser.header("Last-Modified").orElseThrow());
        assertEquals(304, byDate.status());
        assertEquals(browserTag, byDate.header("ETag").orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void gzipOfTheViewHasItsOwnEtagAndEitherCodingRevalidatesIt(FeedFormat format) {
        String path = path(format);
        String browserTag = get(path, CHROME).header("ETag").orElseThrow();
        String readerGzipTag = get(path, null, "Accept-Encoding", "gzip").header("ETag").orElseThrow();
        Http.Answer gzipped = get(path, CHROME, "Accept-Encoding", "gzip");
        String gzipTag = gzipped.header("ETag").orElseThrow();
        assertEquals("gzip", gzipped.header("Content-Encoding").orElseThrow());
        assertEquals(XML, gzipped.header("Content-Type").orElseThrow());
        assertEquals(browserTag.substring(0, browserTag.length() - 1) + "-gzip\"", gzipTag);
        assertNotEquals(readerGzipTag, gzipTag);
        assertEquals(304, get(path, CHROME, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).status());
        assertEquals(304, get(path, CHROME, "Accept-Encoding", "gzip", "If-None-Match", browserTag).status());
        assertEquals(200, get(path, CHROME, "Accept-Encoding", "gzip", "If-None-Match", readerGzipTag).status());
        assertEquals(200, get(path, null, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).status());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
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
            for (String header : List.of("Content-Type", "ETag", "Vary", "Cache-Control", "Last-Modified")) {
                assertEquals(get.headers().allValues(header), head.headers().allValues(header), header + " for " + accept);
            }
            assertEquals(String.valueOf(get.bytes().length), head.header("Content-Length").orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void aDeltaNeverMixesTheVariants(FeedFormat format) {
        String category = "bv-delta-" + format.extension();
        String path = "/feeds/" + category + "." + format.extension();
        assertEquals(201, http.post("/api/articles", json(article(category + "-a", WHEN, category))).status());
        String readerBase = get(path, null).header("ETag").orElseThrow();
        String browserBase = get(path, CHROME).header("ETag").orElseThrow();
        assertEquals(201, http.post("/api/articles", json(article(category + "-b", WHEN, category))).status());
        String current = get(path, CHROME).header("ETag").orElseThrow();

        Http.Answer delta = get(path, CHROME, "A-IM", "feed", "If-None-Match", readerBase);
        assertEquals(226, delta.status(), "the base names a version, whichever variant it was served as");
        assertEquals(XML, delta.header("Content-Type").orElseThrow());
        assertEquals("Accept-Encoding, Accept", delta.header("Vary").orElseThrow());
        assertEquals(current, delta.header("ETag").orElseThrow(), "the ETag of the variant the delta produces");
        assertEquals(List.of(category + "-b-title"),
                FeedParsers.parse(format, delta.body()).items().stream().map(i -> i.title()).toList());
        Http.Answer fromViewTag = get(path, CHROME, "A-IM", "feed", "If-None-Match", browserBase);
        assertEquals(200, fromViewTag.status(), "deltas are based on feed readers' validators; never a wrong delta");
        assertEquals(2, FeedParsers.parse(format, fromViewTag.body()).items().size());
        assertEquals(304, get(path, CHROME, "A-IM", "feed", "If-None-Match", current).status());
    }

    @Test
    void partnerFeedsVaryOnAuthorizationAndAcceptAndStayPrivate() {
        Http.Answer created = http.post("/api/partners", json(Map.of("name", "View partner", "feeds", List.of("partner-wire"))));
        String key = FeedParsers.jsonTree(created.body()).get("key").getStringValue();
        assertEquals(201, http.post("/api/articles", json(article("bv-wire", WHEN, "world"))).status());
        Http.Answer browser = get("/feeds/partner-wire.rss", CHROME, "Authorization", "Bearer " + key);
        assertEquals(200, browser.status());
        assertEquals(XML, browser.header("Content-Type").orElseThrow());
        assertEquals("Accept-Encoding, Authorization, Accept", browser.header("Vary").orElseThrow());
        assertTrue(browser.header("Cache-Control").orElseThrow().startsWith("private"));
        assertTrue(browser.body().contains("<?xml-stylesheet type=\"text/xsl\" href=\"feed.xsl\"?>"));
    }

    @Test
    void theStylesheetIsServedAsTextXslWithValidatorsAndAnHoursFreshness() throws Exception {
        Http.Answer xsl = http.send(http.request("/feeds/feed.xsl").header("Accept", "text/xsl"));
        assertEquals(200, xsl.status());
        assertEquals("text/xsl; charset=utf-8", xsl.header("Content-Type").orElseThrow());
        assertEquals("public, max-age=3600", xsl.header("Cache-Control").orElseThrow());
        assertEquals("nosniff", xsl.header("X-Content-Type-Options").orElseThrow());
        byte[] resource;
        try (InputStream in = getClass().getResourceAsStream("/xslt/feed.xsl")) {
            resource = in.readAllBytes();
        }
        assertArrayEquals(resource, xsl.bytes());
        TransformerFactory.newDefaultInstance().newTemplates(new StreamSource(new ByteArrayInputStream(xsl.bytes())));

        String etag = xsl.header("ETag").orElseThrow();
        Http.Answer revalidated = http.send(http.request("/feeds/feed.xsl").header("If-None-Match", etag));
        assertEquals(304, revalidated.status());
        assertEquals(etag, revalidated.header("ETag").orElseThrow());
        Http.Answer head = http.send(http.request("/feeds/feed.xsl").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(String.valueOf(resource.length), head.header("Content-Length").orElseThrow());
        assertEquals("text/xsl; charset=utf-8", head.header("Content-Type").orElseThrow());
    }

    @Test
    void theViewsOwnAssetsAreServed() {
        Http.Answer script = http.get("/assets/feed-view.js");
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").orElseThrow().contains("javascript"), script.headers().toString());
        Http.Answer css = http.get("/assets/feed-view.css");
        assertEquals(200, css.status());
        assertTrue(css.header("Content-Type").orElseThrow().startsWith("text/css"));
    }

    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
