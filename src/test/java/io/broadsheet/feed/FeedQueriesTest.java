package io.broadsheet.feed;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** How feeds touch the database: a fixed number of queries whatever the item count, and no stored text can break them. */
@MicronautTest(transactional = false)
class FeedQueriesTest extends HttpTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Test
    void feedOfThirtyItemsCostsNoMoreQueriesThanAFeedOfOne() throws SQLException {
        assumeFalse(TestDatabase.isPostgres(), "counts statements with H2's QUERY_STATISTICS, which PostgreSQL lacks: H2 run only");
        http.post("/api/articles", Fixtures.json(Fixtures.article("single", "2022-01-01T00:00:00Z", "one-item")));
        for (int i = 0; i < 30; i++) {
            http.post("/api/articles", Fixtures.json(Fixtures.article("many" + i, "2022-01-01T00:00:00Z", "thirty-items")));
        }
        long one = queriesFor("/feeds/one-item.rss");
        long thirty = queriesFor("/feeds/thirty-items.rss");
        // category, window (counts, newest item, next release and expiry), feed state (2), tombstones, ids, articles,
        // four child tables, category names
        assertTrue(one > 0 && one <= 13, "a feed costs thirteen queries at most, not " + one);
        assertEquals(one, thirty, "queries for one item vs thirty items");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void textThatXmlForbidsIsDroppedFromFeedsWhateverPathStoredIt(FeedFormat format) throws SQLException {
        // The API rejects such text, but another path (an old import, a manual SQL fix) could still put it there.
        String key = "ctrl-" + format.extension();
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article(key, "2022-01-01T00:00:00Z", key))).status());
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            update(connection, "UPDATE article SET title = ?, summary = ?, body = ? WHERE slug = ?",
                    "bad\u0007 title \uD800", "sum\u000Bmary", "<p>bo\u001Fdy</p>", key);
            // the pictures and authors are JSON in the article's row: their strings carry the escapes JSON allows
            String images = storedJson(connection, "images", key)
                    .replace(key + "-img1-caption", "cap\\u0001tion").replace(key + "-img1-credit", "cre\\uFFFEdit")
                    // PostgreSQL cannot store NUL in text at all
                    .replace(key + "-img1-alt", TestDatabase.isPostgres() ? "a\\u0008lt" : "a\\u0000lt");
            String authors = storedJson(connection, "authors", key).replaceAll("\"name\": ?\"[^\"]*\"",
                    "\"name\":\"auth\\\\u0002or\"");
            update(connection, "UPDATE article SET images = " + jsonParameter() + ", authors = " + jsonParameter()
                    + " WHERE slug = ?", images, authors, key);
            update(connection, "UPDATE article_tag SET tag = ? WHERE article_id = (SELECT id FROM article WHERE slug = ?)", "t\u0003ag", key);
        }
        var answer = http.get("/feeds/" + key + "." + format.extension());
        assertEquals(200, answer.status(), answer.body());
        var item = io.broadsheet.testing.FeedParsers.parse(format, answer.body()).items().get(0);
        // PostgreSQL's driver sends a lone surrogate as '?': only H2 stores it for the feed to drop
        assertEquals(TestDatabase.isPostgres() ? "bad title ?" : "bad title ", item.title());
        assertEquals("caption", item.images().get(0).caption());
        assertEquals("credit", item.images().get(0).credit());
        assertFalse(answer.body().contains("\u0007"));
    }

    private static String storedJson(Connection connection, String column, String slug) throws SQLException {
        String text = TestDatabase.isPostgres() ? column + "::text" : "CAST(" + column + " AS VARCHAR)";
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + text + " FROM article WHERE slug = ?")) {
            ps.setString(1, slug);
            try (ResultSet rows = ps.executeQuery()) {
                assertTrue(rows.next(), "no article " + slug);
                String json = rows.getString(1);
                assertTrue(json != null && json.startsWith("["), "expected a JSON array in " + column + ", got " + json);
                return json;
            }
        }
    }

    private static String jsonParameter() {
        return TestDatabase.isPostgres() ? "CAST(? AS jsonb)" : "? FORMAT JSON";
    }

    private static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            assertTrue(ps.executeUpdate() > 0, "no row for " + sql);
        }
    }

    private long queriesFor(String path) throws SQLException {
        // a second connection to the same embedded H2 database; its statistics cover every session
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS FALSE");
            statement.execute("SET QUERY_STATISTICS TRUE");
            assertEquals(200, http.get(path).status());
            // read before switching off: switching off clears the statistics
            // the statistics count every session's: the fediverse delivery queue, polled every second in the
            // background, is none of the render's queries (a render reads no fediverse table)
            try (ResultSet rs = statement.executeQuery("SELECT SUM(EXECUTION_COUNT) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE SQL_STATEMENT LIKE 'SELECT %' AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'"
                    + " AND LOWER(SQL_STATEMENT) NOT LIKE '%fediverse_%'")) {
                rs.next();
                return rs.getLong(1);
            } finally {
                statement.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }
}
