package io.broadsheet.feed;

import io.broadsheet.Fixtures;
import io.broadsheet.HttpTest;
import io.broadsheet.article.ArticleInput;
import io.broadsheet.article.ArticleStore;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How feeds touch the database: a fixed number of queries whatever the item count, and no stored text can break them. */
@MicronautTest(transactional = false)
class FeedQueriesTest extends HttpTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Inject
    ArticleStore store;

    @Test
    void feedOfThirtyItemsCostsNoMoreQueriesThanAFeedOfOne() throws SQLException {
        http.post("/api/articles", Fixtures.json(Fixtures.article("single", "2022-01-01T00:00:00Z", "one-item")));
        for (int i = 0; i < 30; i++) {
            http.post("/api/articles", Fixtures.json(Fixtures.article("many" + i, "2022-01-01T00:00:00Z", "thirty-items")));
        }
        long one = queriesFor("/feeds/one-item.rss");
        long thirty = queriesFor("/feeds/thirty-items.rss");
        // category, counts, feed state, ids, articles, four child tables, category names
        assertTrue(one > 0 && one <= 10, "a feed costs ten queries at most, not " + one);
        assertEquals(one, thirty, "queries for one item vs thirty items");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void textThatXmlForbidsIsDroppedFromFeedsWhateverPathStoredIt(FeedFormat format) {
        // The store takes what it is given: the API rejects such text, but another path (an old import,
        // a manual SQL fix) could still put it there.
        String key = "ctrl-" + format.extension();
        ArticleInput.Image image = new ArticleInput.Image("https://media.example.com/x.jpg", "image/jpeg", 10, 10, 10L,
                "cap\u0001tion", "cre\uFFFEdit", "a\u0000lt");
        store.insert(new ArticleInput(key, "bad\u0007 title \uD800", "sum\u000Bmary", "<p>bo\u001Fdy</p>", null,
                List.of(new ArticleInput.Author("auth\u0002or", null)), List.of(key), List.of("t\u0003ag"), "en",
                List.of(image), Instant.parse("2022-01-01T00:00:00Z")), Instant.parse("2022-01-02T00:00:00Z"));
        var answer = http.get("/feeds/" + key + "." + format.extension());
        assertEquals(200, answer.status(), answer.body());
        var item = io.broadsheet.FeedParsers.parse(format, answer.body()).items().get(0);
        assertEquals("bad title ", item.title());
        assertEquals("caption", item.images().get(0).caption());
        assertEquals("credit", item.images().get(0).credit());
        assertFalse(answer.body().contains("\u0007"));
    }

    private long queriesFor(String path) throws SQLException {
        // a second connection to the same embedded H2 database; its statistics cover every session
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS FALSE");
            statement.execute("SET QUERY_STATISTICS TRUE");
            assertEquals(200, http.get(path).status());
            // read before switching off: switching off clears the statistics
            try (ResultSet rs = statement.executeQuery("SELECT SUM(EXECUTION_COUNT) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE SQL_STATEMENT LIKE 'SELECT %' AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")) {
                rs.next();
                return rs.getLong(1);
            } finally {
                statement.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }
}
