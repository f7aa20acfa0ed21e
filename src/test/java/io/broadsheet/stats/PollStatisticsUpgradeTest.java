package io.broadsheet.stats;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Statistics written by earlier versions (a row per made-up fetcher name, counts from anyone, a row per poller) are
 * folded at the upgrade: made-up names into "other", unbelievable counts dropped, pollers into the day's sketch.
 */
@Tag("database")
class PollStatisticsUpgradeTest {

    private static final String FEED = "upgraded";

    @Test
    void statisticsOfEarlierVersionsAreFoldedIntoTheBoundedForm() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.unmigratedProperties("PollStatisticsUpgradeTest"));
        String url = (String) properties.get("datasources.default.url");
        String user = (String) properties.getOrDefault("datasources.default.username", "sa");
        String password = (String) properties.getOrDefault("datasources.default.password", "");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("7").load().migrate();
        java.sql.Date today = java.sql.Date.valueOf(LocalDate.now(ZoneOffset.UTC));
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            insert(c, "INSERT INTO poll_day VALUES (?, ?, 'rss', ?, ?, 0)", List.of(
                    new Object[]{today, FEED, "Feedly", 5}, new Object[]{today, FEED, "Fake1", 3},
                    new Object[]{today, FEED, "Fake2", 4}, new Object[]{today, FEED, "other", 1}));
            insert(c, "INSERT INTO poll_subscribers VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)", List.of(
                    new Object[]{today, FEED, "Feedly", 42}, new Object[]{today, FEED, "Fake1", 999_999_999_999L}));
            insert(c, "INSERT INTO poll_poller VALUES (?, ?, ?)", List.of(new Object[]{today, FEED, 0x9E3779B97F4A7C15L},
                    new Object[]{today, FEED, 0x3C6EF372FE94F82AL}, new Object[]{today, FEED, 0xDAA66D2C7DDF743FL}));
        }
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            JsonNode report = FeedParsers.jsonTree(new Http(server.getURI()).getAsAdmin("/api/stats/feeds").body());
            JsonNode feed = report.get("feeds").get(0);
            assertEquals(FEED, feed.get("feed").getStringValue(), report.toString());
            assertEquals(13, feed.get("polls").getLongValue(), "every poll kept");
            assertEquals(42 + 3, feed.get("subscribers").getLongValue(), "Feedly's 42 and three pollers, nothing else");
            List<String> fetchers = new ArrayList<>();
            feed.get("topFetchers").values().forEach(f -> fetchers.add(f.get("fetcher").getStringValue() + ":"
                    + f.get("polls").getLongValue()));
            assertEquals(List.of("other:8", "Feedly:5"), fetchers);
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM poll_poller")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "the per-poller rows are folded and gone");
        }
    }

    private static void insert(Connection c, String sql, List<Object[]> rows) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.executeUpdate();
            }
        }
    }
}
