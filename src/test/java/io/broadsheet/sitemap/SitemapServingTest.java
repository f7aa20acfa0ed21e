package io.broadsheet.sitemap;

import io.broadsheet.cluster.ClusterNotice;
import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How kept sitemaps follow what happens to the stories and how they are served: renders shared by parallel requests,
 * another instance's notice, a deletion, a control character stored before the input rules caught it, a full page
 * without gzip.
 */
@MicronautTest(transactional = false)
class SitemapServingTest extends HttpTest {

    private static final int ARTICLES = 45;

    @Inject
    MutableClock clock;
    @Inject
    Sitemaps sitemaps;
    @Inject
    ApplicationEventPublisher<ClusterNotice> notices;
    @Value("${datasources.default.url}")
    String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = TestDatabase.withMutableClock("SitemapServingTest");
        properties.put("broadsheet.sitemaps.page-size", "20");
        properties.put("broadsheet.rate-limit.requests-per-second", "0");
        return properties;
    }

    @BeforeAll
    void importArticles() {
        Instant now = clock.instant();
        Corpus corpus = Corpus.generated(ARTICLES, n -> article("ss-" + n,
                now.minus(Duration.ofMinutes(10L * (ARTICLES - n))).toString(), "serving"));
        Http.Answer imported = http.importLines(corpus.ndjson());
        assertEquals(200, imported.status(), imported.body());
    }

    @Test
    void parallelRequestsForOneUncachedPageRenderItOnce() {
        notices.publishEvent(new ClusterNotice(ClusterNotice.What.EVERYTHING_CHANGED, List.of())); // nothing kept
        long before = sitemaps.renders();
        List<CompletableFuture<Http.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> http.get("/sitemaps/articles-2.xml")));
        }
        String etag = null;
        for (CompletableFuture<Http.Answer> answer : answers) {
            Http.Answer each = answer.join();
            assertEquals(200, each.status(), each.body());
            etag = etag == null ? each.header("ETag").orElseThrow() : etag;
            assertEquals(etag, each.header("ETag").orElseThrow(), "one document for every request");
        }
        assertEquals(1, sitemaps.renders() - before, "renders for 16 requests of one page");
    }

    @Test
    void anEmbargoLiftingDropsOnlyItsOwnPage() {
        Instant at = clock.instant().plus(Duration.ofHours(1));
        Http.Answer created = http.post("/api/articles", json(article("ss-embargoed", at.toString(), "serving")));
        assertEquals(201, created.status(), created.body());
        assertFalse(xml("/sitemaps/articles-3.xml").contains("ss-embargoed"), "not on its page before its time");
        String first = xml("/sitemaps/articles-1.xml");
        clock.set(at.plusSeconds(1));
        long before = sitemaps.renders();
        assertEquals(first, xml("/sitemaps/articles-1.xml"), "page 1 as it was");
        assertEquals(0, sitemaps.renders() - before, "renders of page 1, which the embargo does not touch");
        assertTrue(xml("/sitemaps/articles-3.xml").contains("/articles/ss-embargoed<"), "on its page once published");
        assertTrue(xml("/sitemaps/news.xml").contains("/articles/ss-embargoed<"), "in the news sitemap once published");
    }

    @Test
    void anotherInstancesNoticeDropsTheKeptDocuments() throws SQLException {
        String before = xml("/sitemaps/articles-1.xml");
        assertTrue(before.contains("/articles/ss-3<"), "listed before another instance withdraws it");
        sql("UPDATE article SET withdrawn_at = updated_at WHERE slug = ?", "ss-3");
        assertEquals(before, xml("/sitemaps/articles-1.xml"), "kept: this instance heard of no change");
        notices.publishEvent(new ClusterNotice(ClusterNotice.What.EVERYTHING_CHANGED, List.of()));
        assertFalse(xml("/sitemaps/articles-1.xml").contains("/articles/ss-3<"), "gone once the notice came");
    }

    @Test
    void aDeletionRemovesTheStoryFromItsPageAndTheNewsSitemap() {
        assertTrue(xml("/sitemaps/news.xml").contains("/articles/ss-7<"), "listed before its deletion");
        assertTrue(xml("/sitemaps/articles-1.xml").contains("/articles/ss-7<"), "listed before its deletion");
        Http.Answer deleted = http.delete("/api/articles/ss-7");
        assertTrue(deleted.status() == 200 || deleted.status() == 204, "deleted, got " + deleted);
        assertFalse(xml("/sitemaps/news.xml").contains("/articles/ss-7<"), "gone from the news sitemap");
        assertFalse(xml("/sitemaps/articles-1.xml").contains("/articles/ss-7<"), "gone from its page");
    }

    @Test
    void aStoredControlCharacterLeavesTheNewsSitemapWellFormed() throws SQLException {
        sql("UPDATE article SET title = ? WHERE slug = ?", "Bell\u0007 rings", "ss-40");
        notices.publishEvent(new ClusterNotice(ClusterNotice.What.EVERYTHING_CHANGED, List.of()));
        String news = xml("/sitemaps/news.xml");
        assertTrue(wellFormed(news), "news.xml is well-formed XML, got " + news);
        assertTrue(news.contains("<news:title>Bell rings</news:title>"), "the title without its control character");
    }

    @Test
    void aFullPageWithoutGzipIsTheGzipDocumentWithItsLength() {
        Http.Answer page = http.get("/sitemaps/articles-3.xml");
        assertEquals(200, page.status(), page.body());
        assertEquals("none", page.header("Content-Encoding").orElse("none"), "identity asked for");
        byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
        assertEquals(String.valueOf(body.length), page.header("Content-Length").orElse("none"), "its length");
        assertFalse(SitemapRules.locs(SitemapRules.valid(page.body(), "sitemap.xsd")).isEmpty(), "ids from 41");
        Http.Answer full = http.get("/sitemaps/articles-2.xml");
        assertEquals(20, SitemapRules.locs(SitemapRules.valid(full.body(), "sitemap.xsd")).size(), "a full page");
        HttpResponse<byte[]> zipped = http.gzipped("/sitemaps/articles-2.xml");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse("none"), "gzip asked for");
        assertEquals(full.body(), Http.gunzip(zipped.body()), "the same document either way");
    }

    private String xml(String path) {
        Http.Answer answer = http.get(path);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.body();
    }

    private static boolean wellFormed(String xml) {
        try {
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return true;
        } catch (SAXException e) {
            return false;
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement, String... values) throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 1, values[i]);
            }
            assertEquals(1, update.executeUpdate(), statement);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
