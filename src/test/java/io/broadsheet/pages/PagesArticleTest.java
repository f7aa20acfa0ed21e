package io.broadsheet.pages;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An article's page: its pictures with caption, credit and copyright, its body and corrections, and what other
 * sites read of it (canonical link, feed discovery, Open Graph, Twitter card, JSON-LD); withdrawn is 410, unknown
 * or embargoed 404, both styled.
 */
@MicronautTest(transactional = false)
class PagesArticleTest extends HttpTest {

    private static final String BASE = PagesHomeTest.BASE;
    private static final String HOSTILE_TITLE = "<script>alert(\"title\")</script> & \"double\" 'single' </title>";
    private static final String HOSTILE_CAPTION = "</figcaption><script>alert(1)</script> \"caption\" </script><!--";
    private static final String HOSTILE_CREDIT = "\"Q\" & <b>bold</b> / AFP";

    @BeforeAll
    void publish() {
        Map<String, Object> lead = new LinkedHashMap<>(Fixtures.image("a1", 1));
        lead.put("width", 3000);
        lead.put("height", 2000);
        lead.put("copyright", "a1-img1-copyright");
        lead.put("license", "https://creativecommons.org/licenses/by-nd/4.0/");
        lead.put("renditions", List.of(Map.of("url", "https://media.example.com/a1-img1-640.jpg", "width", 640,
                "height", 427, "mimeType", "image/jpeg")));
        Map<String, Object> a1 = Fixtures.with(Fixtures.article("a1", "2022-01-01T00:00:00Z", "world", "europe"),
                "images", List.of(lead, Fixtures.image("a1", 2)),
                "authors", List.of(Map.of("name", "a1-author", "url", "https://news.example.com/people/a1"),
                        Map.of("name", "a1-second-author")));
        assertEquals(201, http.post("/api/articles", Fixtures.json(a1)).status());
        assertEquals(200, http.put("/api/articles/a1", Fixtures.json(Fixtures.with(a1, "correction",
                "An earlier version gave the toll as 40; it was 14.")), null).status());

        http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("plain", "2022-01-02T00:00:00Z", "world"),
                "url", null, "images", List.of())));
        Map<String, Object> hostileImage = new LinkedHashMap<>(Fixtures.image("hostile", 1));
        hostileImage.remove("alt");
        hostileImage.put("caption", HOSTILE_CAPTION);
        hostileImage.put("credit", HOSTILE_CREDIT);
        http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("hostile", "2022-01-03T00:00:00Z", "world"),
                "title", HOSTILE_TITLE, "summary", "</script><script>alert('summary')</script>",
                "images", List.of(hostileImage))));
        http.post("/api/articles", Fixtures.json(Fixtures.article("gone", "2022-01-04T00:00:00Z", "world")));
        assertEquals(200, http.post("/api/articles/gone/withdraw", "{\"reason\": \"Legal request\"}").status());
        http.post("/api/articles", Fixtures.json(Fixtures.article("later", "2099-01-01T00:00:00Z", "world")));
    }

    private Document page(String slug) {
        Http.Answer answer = http.get("/articles/" + slug);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("text/html;charset=utf-8", answer.header("Content-Type").orElseThrow());
        return Html5.assertConforms(answer.body(), "the page of article " + slug);
    }

    private static String meta(Document page, String property) {
        Element meta = page.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return meta == null ? null : meta.attr("content");
    }

    @Test
    void everyPictureIsAFigureWithCaptionCreditAndCopyright() {
        Document page = page("a1");
        List<Element> figures = page.select("main figure");
        assertEquals(2, figures.size());
        Element img = figures.get(0).selectFirst("img");
        assertEquals("https://media.example.com/a1-img1.jpg", img.attr("src"));
        assertEquals("https://media.example.com/a1-img1.jpg 3000w, https://media.example.com/a1-img1-640.jpg 640w",
                img.attr("srcset"));
        assertEquals("100vw", img.attr("sizes"));
        assertEquals("a1-img1-alt", img.attr("alt"));
        assertEquals("3000", img.attr("width"));
        assertEquals("a1-img1-caption", figures.get(0).selectFirst("figcaption .caption").text());
        assertEquals("Photo: a1-img1-credit", figures.get(0).selectFirst("figcaption .credit").text());
        assertEquals("a1-img1-copyright", figures.get(0).selectFirst("figcaption .copyright").text());
        assertEquals("https://creativecommons.org/licenses/by-nd/4.0/",
                figures.get(0).selectFirst("figcaption a[rel=license]").attr("href"));
        assertFalse(figures.get(1).selectFirst("img").hasAttr("srcset"), "no srcset without renditions");
        assertEquals("Photo: a1-img2-credit", figures.get(1).selectFirst("figcaption .credit").text());
        assertNull(figures.get(1).selectFirst(".copyright"));
    }

    @Test
    void showsTitleDateAuthorsBodyAndCorrection() {
        Document page = page("a1");
        assertEquals("a1-title", page.selectFirst("h1").text());
        assertEquals("2022-01-01T00:00:00Z", page.selectFirst("header time").attr("datetime"));
        assertEquals(List.of("a1-author"), page.select(".byline a").eachText(), "an author with a URL is linked");
        assertTrue(page.selectFirst(".byline").text().contains("a1-second-author"));
        assertEquals("https://news.example.com/people/a1", page.selectFirst(".byline a").attr("href"));
        assertEquals(List.of(BASE + "/categories/world", BASE + "/categories/europe"),
                page.select(".sections a").eachAttr("href"));
        assertEquals("<p>a1-body</p>", page.selectFirst("div.body").html(), "the stored body, as stored");
        Element correction = page.selectFirst("p.correction");
        assertTrue(correction.text().endsWith("): An earlier version gave the toll as 40; it was 14."), correction.text());
        assertNotNull(correction.selectFirst("time[datetime]"));
    }

    @Test
    void canonicalIsTheArticlesUrlAndItsCategoriesFeedsAreDiscoverable() {
        Document page = page("a1");
        assertEquals("https://news.example.com/stories/a1", page.selectFirst("link[rel=canonical]").attr("href"),
                "the URL the article was sent with, as the feeds link it");
        assertEquals(List.of(BASE + "/feeds/world.rss", BASE + "/feeds/world.atom", BASE + "/feeds/world.json",
                BASE + "/feeds/europe.rss", BASE + "/feeds/europe.atom", BASE + "/feeds/europe.json"),
                page.select("head link[rel=alternate]").eachAttr("href"));
        assertEquals(BASE + "/articles/plain", page("plain").selectFirst("link[rel=canonical]").attr("href"),
                "without a URL of its own, its page here");
    }

    @Test
    void openGraphAndTwitterCardDescribeTheArticleAndItsLeadPicture() {
        Document page = page("a1");
        assertEquals("article", meta(page, "og:type"));
        assertEquals("a1-title", meta(page, "og:title"));
        assertEquals("a1-summary", meta(page, "og:description"));
        assertEquals("https://news.example.com/stories/a1", meta(page, "og:url"));
        assertEquals("Test Gazette", meta(page, "og:site_name"));
        assertEquals("https://media.example.com/a1-img1.jpg", meta(page, "og:image"));
        assertEquals("3000", meta(page, "og:image:width"));
        assertEquals("2000", meta(page, "og:image:height"));
        assertEquals("a1-img1-alt", meta(page, "og:image:alt"));
        assertEquals("2022-01-01T00:00:00Z", meta(page, "article:published_time"));
        assertTrue(meta(page, "article:modified_time").compareTo("2022-01-01T00:00:00Z") > 0, "moved by the correction");
        assertEquals("World", meta(page, "article:section"));
        assertEquals("summary_large_image", meta(page, "twitter:card"));
        assertEquals("https://media.example.com/a1-img1.jpg", meta(page, "twitter:image"));
        Document plain = page("plain");
        assertEquals("summary", meta(plain, "twitter:card"), "no picture, no large image card");
        assertNull(meta(plain, "og:image"));
    }

    @Test
    void jsonLdIsANewsArticleWithItsPicturesAsImageObjects() {
        Document page = page("a1");
        List<Element> blocks = page.select("script[type=application/ld+json]");
        assertEquals(1, blocks.size());
        JsonNode ld = FeedParsers.jsonTree(blocks.get(0).data());
        assertEquals("https://schema.org", ld.get("@context").getStringValue());
        assertEquals("NewsArticle", ld.get("@type").getStringValue());
        assertEquals("a1-title", ld.get("headline").getStringValue());
        assertEquals("2022-01-01T00:00:00Z", ld.get("datePublished").getStringValue());
        assertEquals(meta(page, "article:modified_time"), ld.get("dateModified").getStringValue());
        assertEquals("https://news.example.com/stories/a1", ld.get("mainEntityOfPage").get("@id").getStringValue());
        assertEquals("Person", ld.get("author").get(0).get("@type").getStringValue());
        assertEquals("a1-author", ld.get("author").get(0).get("name").getStringValue());
        assertEquals("a1-second-author", ld.get("author").get(1).get("name").getStringValue());
        assertEquals("Organization", ld.get("publisher").get("@type").getStringValue());
        assertEquals("Test Gazette", ld.get("publisher").get("name").getStringValue());
        JsonNode lead = ld.get("image").get(0);
        assertEquals("ImageObject", lead.get("@type").getStringValue());
        assertEquals("https://media.example.com/a1-img1.jpg", lead.get("url").getStringValue());
        assertEquals(3000, lead.get("width").getIntValue());
        assertEquals(2000, lead.get("height").getIntValue());
        assertEquals("a1-img1-caption", lead.get("caption").getStringValue());
        assertEquals("a1-img1-credit", lead.get("creditText").getStringValue());
        assertEquals("a1-img1-copyright", lead.get("copyrightNotice").getStringValue());
        assertEquals("https://creativecommons.org/licenses/by-nd/4.0/", lead.get("license").getStringValue());
        JsonNode second = ld.get("image").get(1);
        assertEquals("a1-img2-caption", second.get("caption").getStringValue());
        assertNull(second.get("copyrightNotice"), "no copyright sent, none invented");
    }

    @Test
    void scriptsAndQuotesInTitleSummaryCaptionAndCreditStayText() {
        Http.Answer answer = http.get("/articles/hostile");
        Document page = Html5.assertConforms(answer.body(), "the page of an article with hostile text");
        assertEquals(HOSTILE_TITLE, page.selectFirst("h1").text());
        assertEquals(HOSTILE_TITLE + " \u2014 Test Gazette", page.title());
        assertEquals(HOSTILE_TITLE, meta(page, "og:title"));
        assertEquals(HOSTILE_CAPTION, page.selectFirst("figcaption .caption").text());
        assertEquals("Photo: " + HOSTILE_CREDIT, page.selectFirst("figcaption .credit").text());
        assertEquals(HOSTILE_CAPTION, page.selectFirst("figure img").attr("alt"), "no alt sent: the caption describes it");
        assertEquals(List.of("application/ld+json", "text/javascript"), page.select("script").stream()
                        .map(s -> s.hasAttr("src") ? "text/javascript" : s.attr("type")).toList(),
                "the JSON-LD block and our own script, nothing else: " + page.select("script"));
        assertEquals(BASE + "/assets/broadsheet.js", page.selectFirst("script[src]").attr("src"));
        assertTrue(page.select("b").isEmpty(), "a <b> in a credit is text");
        String ldText = page.selectFirst("script[type=application/ld+json]").data();
        assertFalse(ldText.contains("</") || ldText.contains("<!--"), "nothing in the JSON-LD can end its script: " + ldText);
        JsonNode ld = FeedParsers.jsonTree(ldText);
        assertEquals(HOSTILE_TITLE, ld.get("headline").getStringValue());
        assertEquals(HOSTILE_CAPTION, ld.get("image").get(0).get("caption").getStringValue());
        assertEquals(HOSTILE_CREDIT, ld.get("image").get(0).get("creditText").getStringValue());
        assertFalse(answer.body().contains("<script>alert"), "no script from the article reaches the page");
    }

    @Test
    void theBodysHeadingsSitBelowTheTitleAndItsPicturesHaveAnAlt() {
        Map<String, Object> article = Fixtures.article("headed", "2022-03-17T10:00:00Z", "world");
        article.put("body", "<h1>Background</h1><p>Text.</p><h2>Detail</h2><p><img src=\"https://media.example.com/x.jpg\"></p>");
        assertEquals(201, http.post("/api/articles", Fixtures.json(article)).status());
        Http.Answer answer = http.get("/articles/headed");
        Document page = Html5.assertConforms(answer.body(), "the page of an article whose body has an h1");
        assertEquals(List.of("Background", "Detail"), page.select(".body h2, .body h3").eachText(),
                "the body's h1 and h2, one level down: " + page.select(".body").html());
        assertEquals("h3", page.select(".body h3").first().tagName());
        assertEquals("<h1>Background</h1>", http.getAsAdmin("/api/articles/headed").body()
                .replaceAll(".*\"body\":\"(<h1>Background</h1>).*", "$1"), "the stored body is left as it was");
    }

    @Test
    void aWithdrawnArticleIsAStyled410PageWithItsReason() {
        Http.Answer answer = http.get("/articles/gone");
        assertEquals(410, answer.status());
        assertEquals("text/html;charset=utf-8", answer.header("Content-Type").orElseThrow());
        Document page = Html5.assertConforms(answer.body(), "the page of a withdrawn article");
        assertEquals("This article was withdrawn", page.selectFirst("h1").text());
        assertEquals("Legal request", page.selectFirst(".reason").text());
        assertEquals("noindex", meta(page, "robots"));
        assertEquals(BASE + "/assets/broadsheet.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        assertFalse(answer.body().contains("a1-body") || answer.body().contains("gone-body"), "nothing of the story");
    }

    @Test
    void unknownAndEmbargoedArticlesAreStyled404Pages() {
        for (String slug : List.of("never-was", "later")) {
            Http.Answer answer = http.get("/articles/" + slug);
            assertEquals(404, answer.status(), slug);
            assertEquals("text/html;charset=utf-8", answer.header("Content-Type").orElseThrow(), slug);
            Document page = Html5.assertConforms(answer.body(), "the 404 page of article " + slug);
            assertEquals(BASE + "/assets/broadsheet.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
            assertFalse(answer.body().contains("later-title"), "nothing of an embargoed story");
        }
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        Http.Answer head = http.send(http.request("/articles/a1").method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(String.valueOf(http.get("/articles/a1").bytes().length), head.header("Content-Length").orElseThrow());
        assertEquals(410, http.send(http.request("/articles/gone").method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody())).status());
    }
}
