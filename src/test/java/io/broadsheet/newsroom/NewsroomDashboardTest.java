package io.broadsheet.newsroom;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestHub;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newsroom dashboard after polls by known readers and a browser, a few articles and their hub pings: the charts'
 * data are the report of {@code /api/stats/feeds}, and the page's tables show the same numbers, the latest articles
 * with their pages and feeds, and each hub's ping attempts.
 */
@MicronautTest(transactional = false)
class NewsroomDashboardTest extends HttpTest {

    private static final String FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; %d subscribers; )";
    private static final String INOREADER = "Mozilla/5.0 (compatible; Inoreader/1.0; https://www.inoreader.com; 7 subscribers; )";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final TestHub hub = new TestHub(0);
    private final TestHub flakyHub = new TestHub(1);
    private NewsroomBrowser browser;
    private String session;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.websub.hubs", hub.url() + "," + flakyHub.url());
        properties.put("broadsheet.websub.delay", "100ms");
        properties.put("broadsheet.websub.first-retry", "100ms");
        return properties;
    }

    @BeforeAll
    void publishAndPoll() throws InterruptedException {
        browser = new NewsroomBrowser(http, server.getURI());
        session = browser.signIn();
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("nr-a" + i,
                    Instant.parse(yesterday).plusSeconds(i).toString(), i == 2 ? new String[]{"world", "europe"}
                            : new String[]{"world"}))).status());
        }
        hub.awaitQuiet(1);
        flakyHub.awaitQuiet(1);

        String etag = poll("/feeds/world.rss", FEEDLY.formatted(42), "198.51.100.1", null).header("ETag").orElseThrow();
        assertEquals(304, poll("/feeds/world.rss", FEEDLY.formatted(42), "198.51.100.1", etag).status());
        poll("/feeds/world.atom", INOREADER, "198.51.100.2", null);
        poll("/feeds/world.rss", FIREFOX, "203.0.113.7", null);
        poll("/feeds/world.rss", FIREFOX, "203.0.113.7", etag);
        poll("/feeds/europe.json", FIREFOX, "203.0.113.8", null);
    }

    @AfterAll
    void stopHubs() {
        hub.close();
        flakyHub.close();
    }

    private Http.Answer poll(String path, String userAgent, String address, String etag) {
        var request = http.request(path).header("User-Agent", userAgent).header("X-Forwarded-For", address);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request);
    }

    private Document dashboard() {
        Http.Answer answer = browser.get("/newsroom", session);
        assertEquals(200, answer.status(), answer.toString());
        return NewsroomBrowser.html5(answer.body());
    }

    @Test
    void theChartsDataAreTheStatisticsApisReport() {
        for (String days : List.of("", "?days=1", "?days=30", "?days=400")) {
            Http.Answer api = http.getAsAdmin("/api/stats/feeds" + days);
            Http.Answer charts = browser.get("/newsroom/data/stats" + days, session);
            assertEquals(200, charts.status(), charts.toString());
            assertEquals(api.body(), charts.body(), "the same report for " + days);
            assertEquals("no-store", charts.header("Cache-Control").orElse(null));
        }
        JsonNode world = feed(jsonTree(browser.get("/newsroom/data/stats", session).body()), "world");
        assertEquals(42 + 7 + 1, world.get("subscribers").getLongValue(), "Feedly's 42, Inoreader's 7, one browser: " + world);
        assertEquals(5, world.get("polls").getLongValue());
        assertEquals(400, browser.get("/newsroom/data/stats?days=0", session).status());
    }

    @Test
    void theFeedTableAndTheChartsShowTheApisNumbers() {
        Document page = dashboard();
        JsonNode report = jsonTree(http.getAsAdmin("/api/stats/feeds").body());
        List<String> expected = new ArrayList<>();
        report.get("feeds").values().forEach(f -> expected.add(f.get("feed").getStringValue() + " "
                + f.get("subscribers").getLongValue() + " " + f.get("polls").getLongValue() + " "
                + f.get("notModifiedShare").getDoubleValue()));
        List<String> shown = new ArrayList<>();
        for (Element row : page.select("#feed-stats tbody tr")) {
            shown.add(row.attr("data-feed") + " " + row.selectFirst(".subscribers").text() + " "
                    + row.selectFirst(".polls").text() + " " + Double.parseDouble(row.selectFirst(".not-modified").attr("data-value")));
        }
        assertEquals("world 50 5 0.4", expected.get(0), "the API's report: " + expected);
        assertEquals(2, expected.size(), "world and europe were polled: " + expected);
        assertEquals(expected, shown, "the table, feed by feed in the API's order");
        Element world = page.selectFirst("#feed-stats tr[data-feed=world]");
        assertEquals("world", world.selectFirst("th[scope=row]").text());
        assertEquals("40.0 %", world.selectFirst(".not-modified").text());
        assertEquals(List.of("Feedly: 2 polls, 42 subscribers", "other: 2 polls", "Inoreader: 1 poll, 7 subscribers"),
                world.select(".fetchers li").eachText(), "a browser, not a known reader, counts as other");
        assertEquals(List.of("world", "europe"), page.select("#charts div.chart").eachAttr("data-feed"),
                "a chart per feed, for the script to draw into");
        assertEquals("/newsroom/data/stats?days=30", page.selectFirst("#charts").attr("data-src"));
        assertEquals("30", page.selectFirst("input#days").val());
    }

    @Test
    void theLatestArticlesLinkToTheirPagesAndTheirCategoriesFeeds() {
        Document page = dashboard();
        Element table = page.selectFirst("table.articles");
        assertNotNull(table, "the articles table");
        assertEquals(List.of("/articles/nr-a3", "/articles/nr-a2", "/articles/nr-a1"),
                table.select("a.article-page").eachAttr("href"), "newest first");
        assertEquals(List.of("nr-a3-title", "nr-a2-title", "nr-a1-title"), table.select("a.article-page").eachText());
        Element second = table.select("tbody tr").get(1);
        assertEquals(List.of("https://news.example.com/feeds/world.rss", "https://news.example.com/feeds/world.atom",
                        "https://news.example.com/feeds/world.json", "https://news.example.com/feeds/world.ninjs",
                        "https://news.example.com/feeds/europe.rss", "https://news.example.com/feeds/europe.atom",
                        "https://news.example.com/feeds/europe.json", "https://news.example.com/feeds/europe.ninjs"),
                second.select("a.feed-link").eachAttr("href"), "every format, ninjs too: the desk hands it to partners");
        String selfLink = http.get("/feeds/europe.rss").headers().allValues("Link").stream()
                .filter(l -> l.endsWith("rel=\"self\"")).findFirst().orElseThrow();
        assertEquals("<https://news.example.com/feeds/europe.rss>; rel=\"self\"", selfLink, "as the feed names itself");
        for (String href : table.select("a.article-page").eachAttr("href")) {
            assertEquals(200, http.get(href).status(), href);
        }
    }

    @Test
    void theHubPingTablesShowEachHubsAttempts() throws InterruptedException {
        flakyHub.awaitQuiet(9);
        Document page = dashboard();
        Element accepting = page.selectFirst("table.pings[data-hub=" + hub.url() + "]");
        assertNotNull(accepting, "a table for " + hub.url() + " in " + page.select("table.pings"));
        assertEquals(hub.url(), accepting.selectFirst("caption").text());
        List<String> sent = new ArrayList<>();
        for (Element row : accepting.select("tbody tr.ping")) {
            sent.add(row.selectFirst(".feed-url").text() + " " + row.selectFirst(".outcome").text() + " "
                    + row.selectFirst(".answer").text() + " " + row.selectFirst(".attempt").text());
            assertFalse(row.selectFirst("time").attr("datetime").isEmpty());
        }
        assertTrue(sent.contains("https://news.example.com/feeds/world.rss sent HTTP 200 1"), sent.toString());
        assertTrue(sent.contains("https://news.example.com/feeds/europe.json sent HTTP 200 1"), sent.toString());

        Element flaky = page.selectFirst("table.pings[data-hub=" + flakyHub.url() + "]");
        List<String> outcomes = flaky.select("tbody tr.ping").stream()
                .map(r -> r.selectFirst(".outcome").text() + " " + r.selectFirst(".answer").text() + " "
                        + r.selectFirst(".attempt").text()).toList();
        assertTrue(outcomes.contains("retried HTTP 503 1"), "the refused first attempt: " + outcomes);
        assertTrue(outcomes.contains("sent HTTP 200 2"), "its retry: " + outcomes);
    }

    @Test
    void everyNewsroomPageIsHtml5WithTheNewsroomsHeaders() {
        Http.Answer page = browser.get("/newsroom?days=7", session);
        Document doc = NewsroomBrowser.html5(page.body());
        assertEquals("Newsroom", doc.selectFirst("h1").text());
        assertEquals("7", doc.selectFirst("input#days").val());
        assertEquals(List.of("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "/assets/newsroom.js"),
                doc.select("script").eachAttr("src"));
        for (String asset : doc.select("script").eachAttr("src")) {
            assertEquals(200, http.get(asset).status(), asset);
        }
        for (String stylesheet : doc.select("link[rel=stylesheet]").eachAttr("href")) {
            if (!stylesheet.equals("/assets/broadsheet.css")) { // the site's stylesheet comes with the public pages
                assertEquals(200, http.get(stylesheet).status(), stylesheet);
            }
        }
        NewsroomBrowser.html5(browser.get("/newsroom", null).body());
        NewsroomBrowser.html5(browser.login("wrong").body());
        assertFalse(page.body().contains(Http.ADMIN_TOKEN));
        Http.Answer missing = browser.get("/newsroom/nothing-here", session);
        assertEquals(404, missing.status());
        assertEquals("no-store", missing.header("Cache-Control").orElse(null));
        assertEquals("DENY", missing.header("X-Frame-Options").orElse(null));
        assertEquals(400, browser.get("/newsroom?days=401", session).status());
    }

    private static JsonNode feed(JsonNode report, String name) {
        for (JsonNode feed : report.get("feeds").values()) {
            if (feed.get("feed").getStringValue().equals(name)) {
                return feed;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }
}
