package io.broadsheet.sitemap;

import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sitemaps as a search engine reads them: 250 articles on pages of 100 ids, each document valid against
 * sitemaps.org's schemas, every listed URL answering 200, withdrawals and embargoes followed, validators and gzip.
 */
@MicronautTest(transactional = false)
class SitemapsTest extends HttpTest {

    private static final String BASE = "https://news.example.com";
    private static final int ARTICLES = 250;

    @Inject
    MutableClock clock;

    /** Slugs a reader can open, as this class has changed them. */
    private final Set<String> readable = Collections.synchronizedSet(new TreeSet<>());

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.withMutableClock("SitemapsTest");
        properties.put("broadsheet.sitemaps.page-size", "100");
        properties.put("broadsheet.rate-limit.requests-per-second", "0"); // one client reads every listed page
        return properties;
    }

    @BeforeAll
    void importArticles() {
        Instant now = clock.instant();
        Corpus corpus = Corpus.generated(ARTICLES, n -> article("sm-" + n,
                now.minus(Duration.ofMinutes(10L * (ARTICLES - n))).toString(), "sitemaps"));
        Http.Answer imported = http.importLines(corpus.ndjson());
        assertEquals(200, imported.status(), imported.body());
        for (int n = 0; n < ARTICLES; n++) {
            readable.add("sm-" + n);
        }
    }

    @Test
    void robotsTxtNamesBothSitemapsAndKeepsCrawlersOutOfTheApiAndTheNewsroom() {
        Http.Answer robots = http.get("/robots.txt");
        assertEquals(200, robots.status());
        assertEquals("text/plain; charset=utf-8", robots.header("Content-Type").orElseThrow());
        assertEquals("User-agent: *\nDisallow: /api/\nDisallow: /newsroom\n\nSitemap: " + BASE + "/sitemap.xml\n"
                + "Sitemap: " + BASE + "/sitemaps/news.xml\n", robots.body());
        assertTrue(robots.header("Cache-Control").orElseThrow().startsWith("public, max-age="),
                "cacheable, got " + robots.header("Cache-Control"));
    }

    @Test
    void everyDocumentIsValidAndListsEveryReadableArticleOnceWithItsPagesLastmod() {
        Document index = SitemapRules.valid(xml("/sitemap.xml"), "siteindex.xsd");
        List<String> pages = SitemapRules.locs(index);
        assertEquals(List.of(BASE + "/sitemaps/articles-1.xml", BASE + "/sitemaps/articles-2.xml",
                BASE + "/sitemaps/articles-3.xml"), pages, "pages of 100 ids for 250 articles");
        List<Instant> pageLastmods = SitemapRules.lastmods(index);
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            Document page = SitemapRules.valid(xml(path(pages.get(i))), "sitemap.xsd");
            List<String> locs = SitemapRules.locs(page);
            assertTrue(locs.size() <= 100, pages.get(i) + ": at most a page of URLs, got " + locs.size());
            assertEquals(pageLastmods.get(i), Collections.max(SitemapRules.lastmods(page)),
                    pages.get(i) + ": the index's lastmod is its newest article's");
            listed.addAll(locs);
        }
        assertEquals(readable.stream().map(s -> BASE + "/articles/" + s).sorted().toList(),
                listed.stream().sorted().toList(), "every readable article once");
        for (String loc : listed) {
            assertEquals(200, http.get(path(loc)).status(), loc + " answers 200");
        }
    }

    @Test
    void aWithdrawalRemovesTheStoryFromItsPageAndFromTheNewsSitemap() {
        String slug = "sm-42";
        String page = "/sitemaps/articles-1.xml";
        String etag = http.get(page).header("ETag").orElseThrow();
        assertTrue(xml("/sitemaps/news.xml").contains("/articles/" + slug + "<"), "listed before its withdrawal");

        Http.Answer withdrawn = http.post("/api/articles/" + slug + "/withdraw", "{\"reason\": \"Legal request\"}");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        readable.remove(slug);

        Http.Answer after = http.get(page);
        assertNotEquals(etag, after.header("ETag").orElseThrow(), "a new version of the page");
        assertFalse(after.body().contains("/articles/" + slug + "<"), "gone from " + page);
        assertFalse(xml("/sitemaps/news.xml").contains("/articles/" + slug + "<"), "gone from the news sitemap");
        assertEquals(410, http.get("/articles/" + slug).status(), "its page is gone too");
    }

    @Test
    void anEmbargoedArticleIsAbsentUntilItsTimeComes() {
        Instant at = clock.instant().plus(Duration.ofHours(1));
        Http.Answer created = http.post("/api/articles", json(article("sm-embargoed", at.toString(), "sitemaps")));
        assertEquals(201, created.status(), created.body());
        assertFalse(xml("/sitemaps/news.xml").contains("sm-embargoed"), "not in the news sitemap before its time");
        assertFalse(xml("/sitemaps/articles-3.xml").contains("sm-embargoed"), "not on its page before its time");

        clock.set(at.plusSeconds(1));
        readable.add("sm-embargoed");
        assertTrue(xml("/sitemaps/news.xml").contains(BASE + "/articles/sm-embargoed<"), "in the news sitemap once published");
        assertTrue(xml("/sitemaps/articles-3.xml").contains(BASE + "/articles/sm-embargoed<"), "on its page once published");
    }

    @Test
    void matchingValidatorsAnswer304AndGzipIsTheSameDocument() {
        for (String path : List.of("/sitemap.xml", "/sitemaps/articles-2.xml", "/sitemaps/news.xml")) {
            Http.Answer full = http.get(path);
            assertEquals(200, full.status(), path);
            assertEquals("application/xml; charset=utf-8", full.header("Content-Type").orElseThrow(), path);
            String etag = full.header("ETag").orElseThrow();
            assertEquals(304, http.send(http.request(path).header("If-None-Match", etag)).status(), path + " by ETag");
            clock.set(clock.instant().plusSeconds(2)); // Last-Modified is sent once its second is over
            String lastModified = http.get(path).header("Last-Modified").orElseThrow();
            assertEquals(304, http.send(http.request(path).header("If-Modified-Since", lastModified)).status(),
                    path + " by date");
            HttpResponse<byte[]> zipped = http.gzipped(path);
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse("none"), path);
            assertEquals(etag.replace("\"", "").concat("-gzip"), zipped.headers().firstValue("ETag").orElseThrow()
                    .replace("\"", ""), path + ": the gzip copy's validator");
            assertEquals(http.get(path).body(), Http.gunzip(zipped.body()), path + ": gzip holds the same document");
            assertEquals(304, http.send(http.request(path).header("If-None-Match",
                    zipped.headers().firstValue("ETag").orElseThrow())).status(), path + " by the gzip ETag");
        }
    }

    @Test
    void unknownPagesAreProblem404sAndCostNothingKept() {
        for (String name : List.of("articles-0.xml", "articles-x.xml", "articles-4.xml", "articles-999999.xml",
                "articles-01.xml", "articles-99999999999999999999.xml", "other.xml")) {
            Http.Answer answer = http.get("/sitemaps/" + name);
            assertEquals(404, answer.status(), name + ": " + answer.body());
            assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow(), name);
        }
    }

    private String xml(String path) {
        Http.Answer answer = http.get(path);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.body();
    }

    private static String path(String loc) {
        assertTrue(loc.startsWith(BASE + "/"), "an absolute URL on the site, got " + loc);
        return loc.substring(BASE.length());
    }
}
