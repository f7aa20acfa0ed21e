package io.broadsheet.stats;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polls with the User-Agents of real readers, then what {@code GET /api/stats/feeds} reports: polls and the 304 share
 * per day, subscribers announced by Feedly and Inoreader plus distinct other pollers, the top fetchers; and that no
 * address reaches the database.
 */
@MicronautTest(transactional = false)
class PollStatisticsTest extends HttpTest {

    private static final String FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; %d subscribers; )";
    private static final String INOREADER = "Mozilla/5.0 (compatible; Inoreader/1.0; https://www.inoreader.com; 7 subscribers; )";
    private static final String NETNEWSWIRE = "NetNewsWire (RSS Reader; https://netnewswire.com/)";

    @Inject
    MutableClock clock;

    @io.micronaut.context.annotation.Value("${datasources.default.url}")
    String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.test.mutable-clock", "true");
        return properties;
    }

    private Http.Answer poll(String path, String userAgent, String address, String etag) {
        var request = http.request(path).header("User-Agent", userAgent).header("X-Forwarded-For", address);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request);
    }

    private JsonNode feed(JsonNode report, String name) {
        for (JsonNode feed : report.get("feeds").values()) {
            if (feed.get("feed").getStringValue().equals(name)) {
                return feed;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    @Test
    void pollsSubscribersAndFetchersAreCountedPerFeedAndDayWithoutAddresses() throws Exception {
        clock.set(Instant.parse("2026-03-10T08:00:00Z"));
        http.getAsAdmin("/api/stats/feeds"); // the day's salt is at hand before the first poll
        http.post("/api/articles", json(article("polled", "2026-03-09T08:00:00Z", "polled")));
        clock.set(Instant.parse("2026-03-10T08:00:05Z"));
        String etag = poll("/feeds/polled.rss", FEEDLY.formatted(42), "198.51.100.1", null).header("ETag").orElseThrow();
        assertEquals(304, poll("/feeds/polled.rss", FEEDLY.formatted(42), "198.51.100.1", etag).status());
        assertEquals(304, poll("/feeds/polled.rss", FEEDLY.formatted(44), "198.51.100.1", etag).status());
        poll("/feeds/polled.atom", INOREADER, "198.51.100.2", null);
        poll("/feeds/polled.rss", NETNEWSWIRE, "203.0.113.7", null);
        poll("/feeds/polled.rss", NETNEWSWIRE, "203.0.113.7", etag);
        poll("/feeds/polled.json", NETNEWSWIRE, "203.0.113.8", null);
        poll("/feeds/no-such-feed.rss", NETNEWSWIRE, "203.0.113.9", null); // a 404 is no poll

        JsonNode polled = feed(FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds").body()), "polled");
        assertEquals(7, polled.get("polls").getLongValue());
        assertEquals(44 + 7 + 2, polled.get("subscribers").getLongValue(),
                "Feedly's latest count, Inoreader's, and two distinct other pollers: " + polled);
        JsonNode day = polled.get("days").get(0);
        assertEquals("2026-03-10", day.get("day").getStringValue());
        assertEquals(3, day.get("notModified").getLongValue());
        assertEquals(0.429, day.get("notModifiedShare").getDoubleValue(), 0.0005);
        assertEquals(51, day.get("announcedSubscribers").getLongValue());
        assertEquals(2, day.get("otherPollers").getLongValue());
        List<String> fetchers = new ArrayList<>();
        polled.get("topFetchers").values().forEach(f -> fetchers.add(f.get("fetcher").getStringValue()
                + ":" + f.get("polls").getLongValue() + ":" + (f.get("subscribers") == null ? "-" : f.get("subscribers").getLongValue())));
        assertEquals(List.of("Feedly:3:44", "NetNewsWire:3:-", "Inoreader:1:7"), fetchers);
        assertFalse(FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds").body()).toString().contains("no-such-feed"));

        // the next day: a new salt, so yesterday's pollers are not today's; both days are reported
        clock.set(Instant.parse("2026-03-11T09:00:00Z"));
        http.getAsAdmin("/api/stats/feeds");
        poll("/feeds/polled.rss", NETNEWSWIRE, "203.0.113.7", etag);
        JsonNode next = feed(FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds?days=2").body()), "polled");
        assertEquals(2, next.get("days").size());
        assertEquals(1, next.get("days").get(1).get("otherPollers").getLongValue());
        assertEquals(1, next.get("subscribers").getLongValue(), "the latest day's estimate");
        assertEquals(1, FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds?days=1").body()).get("feeds").get(0)
                .get("days").size());

        try (Connection connection = TestDatabase.connect(databaseUrl); Statement statement = connection.createStatement()) {
            for (String table : List.of("poll_day", "poll_subscribers", "poll_pollers", "poll_salt")) {
                try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                            String value = rs.getString(c);
                            assertTrue(value == null || !value.contains("203.0.113") && !value.contains("198.51.100"),
                                    table + " holds an address: " + value);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theReportIsForTheAdminAndSaysWhatIsWrong() {
        assertEquals(401, http.get("/api/stats/feeds").status());
        Http.Answer zero = http.getAsAdmin("/api/stats/feeds?days=0");
        assertEquals(400, zero.status());
        assertTrue(zero.body().contains("\"field\":\"days\""), zero.body());
        assertEquals(400, http.getAsAdmin("/api/stats/feeds?days=many").status());
        assertNull(FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds?days=400").body()).get("errors"));
    }
}
