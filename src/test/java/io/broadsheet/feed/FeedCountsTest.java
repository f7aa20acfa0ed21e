package io.broadsheet.feed;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feeds' rows and counts kept at write time stay true under concurrent creates, replacements that move an
 * article between categories, tags and times (embargoes included), and deletes racing each other: eight writers
 * over six slugs, so that most writes wait for another's lock, and new categories come in every order.
 */
@MicronautTest(transactional = false)
class FeedCountsTest extends HttpTest {

    private static final String[] CATEGORIES = {"world", "europe", "politics", "sports"};
    private static final String[] TAGS = {"Kosovo", "NATO", "football"};

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Test
    void rowsAndCountsMatchTheArticlesAfterRacingWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            long seed = t;
            done.add(pool.submit(() -> writeAtRandom(new Random(seed), 100)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            Map<String, String> expected = rowsByFeed(statement, "SELECT 'all', COUNT(*), 0 FROM article"
                    + " UNION ALL SELECT 'category:' || c.category_slug, COUNT(DISTINCT c.article_id), 0 FROM article_category c"
                    + " GROUP BY c.category_slug");
            Map<String, String> rows = rowsByFeed(statement, "SELECT feed, COUNT(*), 0 FROM feed_item"
                    + " WHERE feed NOT LIKE 'feed:%' GROUP BY feed");
            Map<String, String> totals = rowsByFeed(statement, "SELECT feed, total, 0 FROM feed_count"
                    + " WHERE feed NOT LIKE 'feed:%' AND total > 0");
            assertEquals(expected, rows, "feed rows against the articles");
            assertEquals(expected, totals, "feed_count.total against the articles");
            Map<String, String> visible = rowsByFeed(statement, "SELECT f.feed, COUNT(*), 0 FROM feed_item f"
                    + " CROSS JOIN feed_release r WHERE f.published_at <= r.counted_through GROUP BY f.feed");
            Map<String, String> counted = rowsByFeed(statement, "SELECT feed, visible, 0 FROM feed_count WHERE visible > 0");
            assertEquals(visible, counted, "feed_count.visible against the rows published by counted_through");
            assertTrue(expected.size() > 1, "the writes left articles behind: " + expected);
        }
    }

    /** Creates, replaces (other categories, tags, times) and deletes among a few slugs, so that writes collide. */
    private void writeAtRandom(Random random, int operations) {
        for (int i = 0; i < operations; i++) {
            String slug = "race-" + random.nextInt(6);
            int choice = random.nextInt(10);
            if (choice < 2) {
                http.delete("/api/articles/" + slug);
            } else {
                String published = random.nextInt(5) == 0
                        ? Instant.now().plusSeconds(3600).toString()
                        : Instant.parse("2022-01-01T00:00:00Z").plusSeconds(random.nextInt(100_000)).toString();
                Map<String, Object> article = Fixtures.article(slug, published, CATEGORIES[random.nextInt(4)],
                        CATEGORIES[random.nextInt(4)]);
                article.put("tags", List.of(TAGS[random.nextInt(3)]));
                int status = http.put("/api/articles/" + slug, Fixtures.json(article), null).status();
                assertTrue(status == 200 || status == 201 || status == 409 || status == 412,
                        "PUT " + slug + " answered " + status);
            }
        }
    }

    private static Map<String, String> rowsByFeed(Statement statement, String sql) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                if (rs.getLong(2) > 0) {
                    out.put(rs.getString(1), Long.toString(rs.getLong(2)));
                }
            }
        }
        return out;
    }
}
