package io.broadsheet.stats;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of made-up User-Agents, subscriber counts and addresses: the statistics keep one row per known reader,
 * "other" and "unknown", believe no count from a stranger, and count the distinct pollers by address within the
 * sketch's error.
 */
@MicronautTest(transactional = false)
class PollFloodTest extends HttpTest {

    private static final int USER_AGENTS = 20_000;
    private static final int ADDRESSES = 2_000;

    @Inject
    PollRecorder recorder;

    @io.micronaut.context.annotation.Value("${datasources.default.url}")
    String databaseUrl;

    private long count(String sql) throws Exception {
        try (Connection connection = TestDatabase.connect(databaseUrl); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twentyThousandMadeUpUserAgentsLeaveABoundedNumberOfRowsAndNoInventedSubscribers() throws Exception {
        assertEquals(201, http.post("/api/articles", json(article("flooded", "2026-03-09T08:00:00Z", "flooded"))).status());
        http.getAsAdmin("/api/stats/feeds"); // the day's salt is at hand before the first poll
        for (int i = 0; i < USER_AGENTS; i++) {
            String userAgent = "Fake" + i + "/1.0 (+https://example.com/bot" + i + "; 999999999999 subscribers)";
            recorder.record("flooded", "rss", 200, "10.0." + (i % ADDRESSES / 250) + "." + (i % 250), userAgent);
        }
        recorder.record("flooded", "rss", 200, "10.1.0.1", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )");
        recorder.record("flooded", "rss", 200, "10.1.0.2", "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 999999999999 subscribers; )");

        JsonNode report = FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds").body());
        JsonNode flooded = report.get("feeds").get(0);
        assertEquals("flooded", flooded.get("feed").getStringValue(), report.toString());
        assertEquals(USER_AGENTS + 2, flooded.get("polls").getLongValue(), "every poll is counted: " + flooded);
        JsonNode day = flooded.get("days").get(0);
        assertEquals(42, day.get("announcedSubscribers").getLongValue(), "only Feedly's believable count: " + day);
        long others = day.get("otherPollers").getLongValue();
        // 2,000 addresses under one fetcher name, plus Feedly's poll that announced no believable count
        assertTrue(Math.abs(others - (ADDRESSES + 1)) <= (ADDRESSES + 1) * 0.05,
                "expected about " + (ADDRESSES + 1) + " distinct pollers (within 5 %), got " + others);

        long dayRows = count("SELECT COUNT(*) FROM poll_day WHERE feed = 'flooded'");
        assertEquals(2, dayRows, "expected one row for 'other' and one for Feedly, got " + dayRows);
        assertEquals(1, count("SELECT COUNT(*) FROM poll_subscribers WHERE feed = 'flooded'"),
                "one announcement row: Feedly's");
        assertEquals(1, count("SELECT COUNT(*) FROM poll_pollers WHERE feed = 'flooded'"), "one sketch for the feed's day");
    }

    @Test
    void aFeedThatDoesNotExistIsNotCounted() throws Exception {
        assertEquals(404, http.get("/feeds/made-up-feed-name.rss").status());
        http.getAsAdmin("/api/stats/feeds");
        assertEquals(0, count("SELECT COUNT(*) FROM poll_day WHERE feed = 'made-up-feed-name'"));
    }
}
