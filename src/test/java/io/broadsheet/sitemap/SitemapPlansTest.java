package io.broadsheet.sitemap;

import io.broadsheet.storage.SitemapQueries;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.Plans;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sitemap page and its summary are one range of article_sitemap_idx, the first page and the last alike: never a
 * sort, never an offset, never the article rows on H2 (the index holds every column they read).
 */
@MicronautTest(transactional = false)
class SitemapPlansTest extends HttpTest {

    private static final int ARTICLES = 20_000;
    private static final int PAGE = 5_000;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Test
    void theFirstAndTheLastPageAndTheirSummariesReadOneRangeOfTheSitemapIndex() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            Plans.insertBareArticles(connection, ARTICLES);
            for (String sql : new String[]{SitemapQueries.PAGE_SQL, SitemapQueries.SUMMARY_SQL}) {
                for (long from : new long[]{-1, ARTICLES - PAGE}) {
                    String plan = Plans.explain(connection, sql, from, from < 0 ? PAGE : from + PAGE,
                            OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                    if (TestDatabase.isPostgres()) {
                        assertTrue(plan.contains("article_sitemap_idx") || plan.contains("article_pkey"),
                                "an index range on PostgreSQL, got: " + plan);
                        assertFalse(plan.contains("Seq Scan") || plan.contains("Sort"),
                                "no table scan and no sort on PostgreSQL, got: " + plan);
                    } else {
                        assertTrue(plan.contains("article_sitemap_idx: ") && plan.contains("id > ?1")
                                        && plan.contains("id <= ?2"),
                                "a range of article_sitemap_idx by id on H2, got: " + plan);
                    }
                }
            }
        }
    }
}
