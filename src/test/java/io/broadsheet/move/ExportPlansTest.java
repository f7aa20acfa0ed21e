package io.broadsheet.move;

import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.Plans;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each page of the export is a range of an index that starts with the article's id, deep in the archive too: never a
 * sort, never a scan from the start. That index is the primary key or the sitemaps' {@code article_sitemap_idx}
 * (id first): the planner may take either, and both read only the page's range.
 */
@MicronautTest(transactional = false)
class ExportPlansTest extends HttpTest {

    private static final int ARTICLES = 20_000;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Test
    void everyPageOfTheExportReadsARangeOfAnIndexOnTheId() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            Plans.insertBareArticles(connection, ARTICLES);
            for (long afterId : new long[]{0, ARTICLES - 700}) {
                String plan = Plans.explain(connection, io.broadsheet.storage.ArticleQueries.AFTER_ID_SQL, afterId,
                        ArchiveExport.PAGE);
                if (TestDatabase.isPostgres()) {
                    assertTrue(plan.contains("Index Scan using article_pkey")
                            || plan.contains("Index Scan using article_sitemap_idx"), "an index range on PostgreSQL: " + plan);
                    assertFalse(plan.contains("Sort"), "no sort on PostgreSQL: " + plan);
                } else {
                    boolean idIndex = plan.contains("PRIMARY_KEY") || plan.contains("article_sitemap_idx: id > ?1");
                    assertTrue(idIndex && plan.contains("/* index sorted */"),
                            "a range of an index on id, in its order, on H2: " + plan);
                }
            }
        }
    }
}
