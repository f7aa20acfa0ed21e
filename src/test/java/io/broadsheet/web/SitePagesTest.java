package io.broadsheet.web;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML pages that let readers find the feeds and follow item links. */
@MicronautTest(transactional = false)
class SitePagesTest extends HttpTest {

    @Test
    void homePageAdvertisesTheAllFeedInEveryFormatAndListsEachFeed() {
        http.post("/api/articles", Fixtures.json(Fixtures.article("home1", "2022-01-01T00:00:00Z", "world")));
        Http.Answer answer = http.get("/");
        assertEquals(200, answer.status());
        assertTrue(answer.header("Content-Type").orElseThrow().startsWith("text/html"));
        Document page = Jsoup.parse(answer.body());
        assertEquals(List.of("https://news.example.com/feeds/all.rss", "https://news.example.com/feeds/all.atom",
                        "https://news.example.com/feeds/all.json", "https://news.example.com/fediverse/all"),
                page.select("head link[rel=alternate]").eachAttr("href"));
        assertEquals(List.of("application/rss+xml", "application/atom+xml", "application/feed+json",
                        "application/activity+json"),
                page.select("head link[rel=alternate]").eachAttr("type"), "the feed in each format, then its actor");
        List<String> links = page.select("body a").eachAttr("href");
        assertTrue(links.contains("https://news.example.com/feeds/world.atom"), links.toString());
        assertTrue(links.contains("https://news.example.com/feeds/teasers.json"), links.toString());
    }

    @Test
    void articlePageShowsPicturesWithCaptionAndCreditAndEscapesPlainText() {
        http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("page1", "2022-01-01T00:00:00Z", "world"),
                "url", null, "title", "A <b> in a title")));
        Document page = Jsoup.parse(http.get("/articles/page1").body());
        assertEquals("A <b> in a title", page.selectFirst("h1").text());
        assertEquals("page1-img1-caption Photo: page1-img1-credit", page.select("figcaption").first().text());
        assertEquals("https://news.example.com/feeds/world.rss", page.selectFirst("head link[rel=alternate]").attr("href"));
    }

    @Test
    void embargoedOrUnknownArticlePageIs404() {
        http.post("/api/articles", Fixtures.json(Fixtures.article("later1", "2099-01-01T00:00:00Z", "world")));
        assertEquals(404, http.get("/articles/later1").status());
        assertEquals(404, http.get("/articles/never-was").status());
    }

    @Test
    void mediaExtensionIsDescribedWhereItsAboutUrlPoints() {
        Http.Answer answer = http.get("/docs/json-feed-media");
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("credit"), answer.body());
    }
}
