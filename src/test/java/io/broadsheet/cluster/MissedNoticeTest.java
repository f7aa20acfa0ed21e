package io.broadsheet.cluster;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A change whose notice never arrived (its version skipped) makes an instance drop every cached feed at the next
 * notice it hears, rather than keep serving what the missed change made stale.
 */
@MicronautTest(transactional = false)
class MissedNoticeTest extends HttpTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Test
    void aSkippedVersionDropsEveryCachedFeed() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "instances notify each other only on PostgreSQL: PostgreSQL run only");
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("gap-a", "2024-01-01T00:00:00Z", "alpha"))).status());
        String before = title("/feeds/alpha.rss");

        // another instance's change whose notice this one never heard: the version moved, nothing was sent
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            update(connection, "UPDATE article SET title = 'Changed elsewhere', version = version + 1 WHERE slug = 'gap-a'");
            update(connection, "UPDATE feed_release SET change_version = change_version + 1 WHERE id = 1");
        }
        assertEquals(before, title("/feeds/alpha.rss"), "the cached render is served until a notice says otherwise");

        // the next notice (a write to another feed) carries a version that is not the next one
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("gap-b", "2024-01-01T00:00:00Z", "beta"))).status());
        Eventually.equals("Changed elsewhere", () -> title("/feeds/alpha.rss"), "every cached feed was dropped");
    }

    private String title(String path) {
        List<String> titles = FeedParsers.parse(FeedFormat.RSS, http.get(path).body()).items().stream()
                .map(i -> i.title()).toList();
        assertTrue(titles.size() == 1, titles.toString());
        return titles.get(0);
    }

    private static void update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }
}
