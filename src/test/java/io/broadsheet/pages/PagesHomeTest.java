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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page: the latest stories with their lead pictures, and every public feed with its formats and figures. */
@MicronautTest(transactional = false)
class PagesHomeTest extends HttpTest {

    static final String BASE = "https://news.example.com";
    private static final String KOSOVO = "kosovo-asks-biden-to-support-nato-bid";

    @BeforeAll
    void publish() throws IOException {
        // the sample's first story (AFP, Kosovo), the newest here; then older stories in several desks
        Http.Answer imported = http.importLines(firstSampleLine());
        assertTrue(imported.body().contains("\"created\":1"), imported.body());
        String[][] desks = {{"world"}, {"europe", "politics"}, {"sports"}, {"world", "europe"}};
        for (int n = 1; n <= 14; n++) {
            String published = Instant.parse("2021-06-01T08:00:00Z").plusSeconds(3600L * n).toString();
            http.post("/api/articles", Fixtures.json(Fixtures.article("home-" + n, published, desks[n % desks.length])));
        }
        http.post("/api/articles", Fixtures.json(Fixtures.article("home-later", "2099-01-01T00:00:00Z", "embargoed-desk")));
    }

    static String firstSampleLine() throws IOException {
        try (BufferedReader sample = new BufferedReader(new InputStreamReader(
                PagesHomeTest.class.getResourceAsStream("/sample/articles.ndjson"), StandardCharsets.UTF_8))) {
            return sample.readLine() + "\n";
        }
    }

    private Document home() {
        Http.Answer answer = http.get("/");
        assertEquals(200, answer.status(), answer.body());
        return Html5.assertConforms(answer.body(), "the home page");
    }

    @Test
    void listsEveryPublicFeedOnceAndNoPartnerFeed() {
        List<String> names = home().select("li.feed").eachAttr("id");
        assertEquals(List.of("feed-all", "feed-teasers", "feed-nato-world", "feed-europe-politics", "feed-tagged-kosovo",
                "feed-europe", "feed-politics", "feed-sports", "feed-world"), names,
                "all, the public named feeds in file order, the visible categories by slug");
        String html = http.get("/").body();
        assertFalse(html.contains("partner-wire") || html.contains("partner-sports"), "partner feeds are not listed");
        assertFalse(html.contains("embargoed-desk"), "nor a category only an embargoed story uses");
    }

    @Test
    void eachFeedHasItsThreeFormatsItsAddressToCopyAndTheItemsItsFeedHolds() {
        for (Element feed : home().select("li.feed")) {
            String name = feed.id().substring("feed-".length());
            List<String> formats = feed.select("p.formats a").eachAttr("href");
            assertEquals(List.of(BASE + "/feeds/" + name + ".rss", BASE + "/feeds/" + name + ".atom",
                    BASE + "/feeds/" + name + ".json"), formats, name);
            assertEquals(List.of("application/rss+xml", "application/atom+xml", "application/feed+json"),
                    feed.select("p.formats a").eachAttr("type"), name);
            assertEquals(BASE + "/feeds/" + name + ".rss", feed.selectFirst(".feed-url code").text(), name);
            Element copy = feed.selectFirst("button.copy");
            assertEquals(BASE + "/feeds/" + name + ".rss", copy.attr("data-copy"), name);
            assertEquals("button", copy.attr("type"), name);
            long shown = Long.parseLong(feed.selectFirst(".count").text().replaceAll(" stor(y|ies)$", ""));
            assertEquals(itemsOf(name), shown, name + ": the count is what its JSON Feed holds over all pages");
            Element updated = feed.selectFirst(".feed-stats time");
            assertNotNull(updated, name + " shows when it last changed");
            Instant.parse(updated.attr("datetime"));
        }
    }

    @Test
    void feedAddressesAreTheSelfLinksTheFeedsAdvertise() {
        for (Element feed : home().select("li.feed")) {
            for (String url : feed.select("p.formats a").eachAttr("href")) {
                Http.Answer answer = http.get(url.substring(BASE.length()));
                assertEquals(200, answer.status(), url);
                assertTrue(answer.headers().allValues("Link").contains("<" + url + ">; rel=\"self\""),
                        url + " names itself: " + answer.headers().allValues("Link"));
            }
        }
    }

    @Test
    void showsTheTwelveNewestStoriesFirstTheSampleStoryWithItsPictureCaptionAndCredit() {
        Document home = home();
        List<Element> stories = home.select("section.latest article.story");
        assertEquals(PageController.LATEST, stories.size());
        List<String> dates = stories.stream().map(s -> s.selectFirst("time").attr("datetime")).toList();
        assertEquals(dates.stream().sorted(Comparator.reverseOrder()).toList(), dates, "newest first");
        assertFalse(home.text().contains("home-later-title"), "an embargoed story is not shown");

        Element kosovo = stories.get(0);
        Element title = kosovo.selectFirst("h3 a");
        assertEquals("Kosovo Asks Biden To Support NATO Bid", title.text());
        assertEquals(BASE + "/articles/" + KOSOVO, title.attr("href"));
        assertEquals("2022-03-17T09:42:00Z", kosovo.selectFirst("time").attr("datetime"));
        assertTrue(kosovo.selectFirst("p.summary").text().startsWith("Fearing threats to sovereignty"));
        Element figure = kosovo.selectFirst("figure");
        assertEquals("https://media.example.com/2022/03/kosovo-kurti-baerbock-pristina.jpg",
                figure.selectFirst("img").attr("src"));
        assertFalse(figure.selectFirst("img").attr("alt").isBlank(), "the picture is described");
        assertTrue(figure.selectFirst("figcaption .caption").text().startsWith("Kosovo\u2019s Prime Minister Albin Kurti speaks"),
                figure.outerHtml());
        assertEquals("Photo: Armend NIMANI / AFP", figure.selectFirst("figcaption .credit").text());
        assertEquals(200, http.get("/articles/" + KOSOVO).status(), "the title links to the article's page");
    }

    @Test
    void headAdvertisesTheAllFeedInEveryFormatAndTheOpml() {
        Document home = home();
        assertEquals(List.of(BASE + "/feeds/all.rss", BASE + "/feeds/all.atom", BASE + "/feeds/all.json",
                        BASE + "/fediverse/all"), home.select("head link[rel=alternate]").eachAttr("href"),
                "the feed in each format, then its fediverse actor");
        assertEquals(List.of("application/rss+xml", "application/atom+xml", "application/feed+json",
                "application/activity+json"), home.select("head link[rel=alternate]").eachAttr("type"));
        assertEquals(BASE + "/feeds.opml", home.selectFirst("head link[rel=outline][type=text/x-opml]").attr("href"));
        assertTrue(home.select("main a").eachAttr("href").contains(BASE + "/feeds.opml"), "the page links the OPML");
        assertEquals(BASE + "/assets/broadsheet.css", home.selectFirst("head link[rel=stylesheet]").attr("href"));
        assertEquals(BASE + "/assets/broadsheet.js", home.selectFirst("head script[src]").attr("src"));
        assertNotNull(home.selectFirst("meta[name=viewport]"));
        assertNotNull(home.selectFirst("meta[charset=utf-8]"));
        assertEquals("#main", home.selectFirst("body > a.skip-link").attr("href"), "a skip link comes first");
        for (String landmark : List.of("header", "nav", "main#main", "footer")) {
            assertEquals(1, home.select(landmark).size(), landmark);
        }
    }

    @Test
    void answersUtf8HtmlWithCachingAndSecurityHeadersAndHeadAnswersAlike() {
        Http.Answer get = http.get("/");
        assertEquals("text/html;charset=utf-8", get.header("Content-Type").orElseThrow());
        assertEquals("public, max-age=60", get.header("Cache-Control").orElseThrow());
        assertEquals("nosniff", get.header("X-Content-Type-Options").orElseThrow());
        String csp = get.header("Content-Security-Policy").orElseThrow();
        for (String directive : List.of("default-src 'none'", "script-src 'self' " + BASE, "style-src 'self' " + BASE,
                "img-src 'self' " + BASE + " https: data:")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe-inline"), csp);
        Http.Answer head = http.send(http.request("/").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals("text/html;charset=utf-8", head.header("Content-Type").orElseThrow());
        assertEquals(String.valueOf(get.bytes().length), head.header("Content-Length").orElseThrow());
    }

    @Test
    void theStylesheetAndScriptAreServedFromTheJar() {
        Http.Answer css = http.get("/assets/broadsheet.css");
        assertEquals(200, css.status());
        assertTrue(css.body().contains("prefers-color-scheme: dark"), "a dark scheme");
        assertTrue(css.body().contains(":focus-visible"), "a visible focus ring");
        assertFalse(css.body().contains("@import") || css.body().contains("url(http"), "nothing fetched from elsewhere");
        Http.Answer js = http.get("/assets/broadsheet.js");
        assertEquals(200, js.status());
        assertTrue(js.body().contains("navigator.clipboard") && js.body().contains("execCommand"),
                "the clipboard API with a fallback");
    }

    /** The items a feed's JSON Feed holds over all its pages, tombstones left out. */
    private long itemsOf(String name) {
        long items = 0;
        String path = "/feeds/" + name + ".json";
        List<String> seen = new ArrayList<>();
        while (path != null && !seen.contains(path)) {
            seen.add(path);
            JsonNode feed = FeedParsers.jsonTree(http.get(path).body());
            for (JsonNode item : feed.get("items").values()) {
                if (item.get("_withdrawn") == null) {
                    items++;
                }
            }
            JsonNode next = feed.get("next_url");
            path = next == null ? null : next.getStringValue().substring(BASE.length());
        }
        return items;
    }
}
