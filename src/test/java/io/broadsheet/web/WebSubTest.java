package io.broadsheet.web;

import io.broadsheet.feed.FeedFormat;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestHub;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebSub: feeds advertise the hubs, and every change that alters a feed pings each hub once per feed URL. */
@MicronautTest(transactional = false)
class WebSubTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private final TestHub hub = new TestHub(0);
    private final TestHub flakyHub = new TestHub(2);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("WebSubTest"));
        properties.put("broadsheet.websub.hubs", hub.url() + "," + flakyHub.url());
        properties.put("broadsheet.websub.delay", "200ms");
        properties.put("broadsheet.websub.first-retry", "100ms");
        return properties;
    }

    @AfterAll
    void stopHubs() {
        hub.close();
        flakyHub.close();
    }

    @BeforeEach
    void quiet() throws InterruptedException {
        hub.awaitQuiet(0, 0);
        flakyHub.awaitQuiet(0, 0);
        hub.clear();
        flakyHub.clear();
    }

    @Test
    void feedsAdvertiseTheHubsInHeadersAndDocuments() {
        http.post("/api/articles", Fixtures.json(Fixtures.article("adv1", WHEN, "advertised")));
        Http.Answer rss = http.get("/feeds/advertised.rss");
        List<String> links = rss.headers().allValues("Link");
        assertEquals(List.of("<" + hub.url() + ">; rel=\"hub\"", "<" + flakyHub.url() + ">; rel=\"hub\"",
                "<https://news.example.com/feeds/advertised.rss>; rel=\"self\""), links);
        assertEquals(List.of(hub.url(), flakyHub.url()),
                Jsoup.parse(rss.body(), "", Parser.xmlParser()).select("channel > atom|link[rel=hub]").eachAttr("href"));
        assertEquals(List.of(hub.url(), flakyHub.url()),
                Jsoup.parse(http.get("/feeds/advertised.atom").body(), "", Parser.xmlParser()).select("feed > link[rel=hub]").eachAttr("href"));
        JsonNode hubs = jsonTree(http.get("/feeds/advertised.json").body()).get("hubs");
        assertEquals("WebSub", hubs.get(0).get("type").getStringValue());
        assertEquals(flakyHub.url(), hubs.get(1).get("url").getStringValue());
    }

    @Test
    void aNewArticlePingsEachHubOnceForEveryFeedUrlItAltersInEveryFormat() throws InterruptedException {
        http.post("/api/articles", Fixtures.json(Fixtures.article("ping1", WHEN, "pinged")));
        List<String> expected = pings("all", "teasers", "pinged");
        assertEquals(expected, sorted(hub.awaitQuiet(expected.size())));
    }

    @Test
    void aFailingHubIsRetriedUntilItAccepts() throws InterruptedException {
        http.post("/api/articles", Fixtures.json(Fixtures.article("retry1", WHEN, "retried")));
        List<String> expected = pings("all", "teasers", "retried");
        assertEquals(expected, sorted(flakyHub.awaitQuiet(expected.size())));
        assertTrue(flakyHub.refused() >= 2, "refused " + flakyHub.refused());
    }

    @Test
    void movingAnArticleBetweenCategoriesPingsTheFeedsItLeftAndJoined() throws InterruptedException {
        http.post("/api/articles", Fixtures.json(Fixtures.article("move1", WHEN, "left")));
        hub.awaitQuiet(9);
        hub.clear();
        http.put("/api/articles/move1", Fixtures.json(Fixtures.article("move1", WHEN, "joined")), null);
        List<String> expected = pings("all", "teasers", "left", "joined");
        assertEquals(expected, sorted(hub.awaitQuiet(expected.size())));
    }

    @Test
    void anEmbargoedArticlePingsNothingUntilItsTimeComes() throws InterruptedException {
        String at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
        http.post("/api/articles", Fixtures.json(Fixtures.article("later1", at, "released")));
        assertEquals(List.of(), hub.awaitQuiet(1, 1_000), "nothing before the embargo lifts");
        List<String> expected = pings("all", "teasers", "released");
        assertEquals(expected, sorted(hub.awaitQuiet(expected.size())));
    }

    private static List<String> pings(String... feeds) {
        List<String> out = new ArrayList<>();
        for (String feed : feeds) {
            for (FeedFormat format : FeedFormat.values()) {
                out.add("hub.mode=publish&hub.url=https://news.example.com/feeds/" + feed + "." + format.extension()
                        + " [application/x-www-form-urlencoded]");
            }
        }
        return sorted(out);
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
