package io.broadsheet.move;

import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
            insertArticles(connection);
            for (long afterId : new long[]{0, ARTICLES - 700}) {
                String plan = explain(connection, afterId);
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

    private static String explain(Connection connection, long afterId) throws SQLException {
        String sql = io.broadsheet.storage.ArticleQueries.AFTER_ID_SQL;
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + sql)) {
            ps.setLong(1, afterId);
            ps.setInt(2, ArchiveExport.PAGE);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /** Bare article rows, enough that PostgreSQL's planner weighs a real table. */
    private static void insertArticles(Connection connection) throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO article (slug, title, published_at,"
                + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < ARTICLES; i++) {
                ps.setString(1, "plan-" + i);
                ps.setString(2, "Plan " + i);
                ps.setObject(3, at.plusMinutes(i));
                ps.setObject(4, at);
                ps.setObject(5, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (TestDatabase.isPostgres()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE article");
            }
        }
    }
}
