package io.broadsheet.fediverse;

import io.broadsheet.storage.FeedPageQueries;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.Plans;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outbox page is a page of the feed's own rows ({@code FeedService.shown}, as a category's page): at 20,000
 * articles its first and its deepest numbered page are one range of feed_item_newest_idx, never a scan or a sort.
 */
@MicronautTest(transactional = false)
class OutboxPlansTest extends HttpTest {

    private static final int ARTICLES = 20_000;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${broadsheet.paging.max-page:20}")
    int maxPage;

    @Test
    void outboxPagesAreOneRangeOfTheFeedsIndexAtTwentyThousandArticles() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            Plans.insertBareArticles(connection, ARTICLES);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO feed_item (feed, published_at, article_id)"
                        + " SELECT 'all', published_at, id FROM article");
                if (TestDatabase.isPostgres()) {
                    statement.execute("ANALYZE feed_item");
                }
            }
            OffsetDateTime now = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            for (int page : new int[] {1, maxPage}) {
                String plan = Plans.explain(connection, FeedPageQueries.NEWEST_SQL, "all", now,
                        ActorDocuments.PAGE_SIZE, (long) (page - 1) * ActorDocuments.PAGE_SIZE);
                assertTrue(plan.contains("feed_item_newest_idx"), "page " + page + " reads feed_item_newest_idx, got: " + plan);
                if (TestDatabase.isPostgres()) {
                    assertFalse(plan.contains("Seq Scan") || plan.contains("Sort"), "no scan and no sort, got: " + plan);
                } else {
                    assertTrue(plan.contains("feed = ?1") && plan.contains("published_at <= ?2"),
                            "a range of the feed's rows on H2, got: " + plan);
                    assertFalse(plan.contains("tableScan"), "no table scan, got: " + plan);
                }
            }
        }
    }
}
