package io.broadsheet.feed;

import io.broadsheet.storage.FeedItemRepository;
import io.broadsheet.storage.FeedPageQueries;
import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A feed page of every kind reads as many rows at ten times the archive: each of its queries is measured with
 * H2's EXPLAIN ANALYZE (rows scanned per table) on a small archive and again after it grew tenfold.
 */
@MicronautTest(transactional = false)
class FeedPlansTest extends HttpTest {

    private static final String[] CATEGORIES = {"world", "europe", "politics", "sports", "science"};
    private static final String[] TAGS = {"Kosovo", "NATO", "Serbia", "football"};
    private static final String ONLY_H2 = "reads H2's plans and statement statistics (PostgreSQL's plans:"
            + " bench/explain-postgresql.sql): H2 run only";
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
    /** Feeds of every kind: all, a category, several categories, tags, categories and tags (test feeds-config). */
    private static final Map<String, String> KEYS = Map.of(
            "all", "all",
            "europe", "category:europe",
            "europe-politics", "feed:europe-politics",
            "tagged-kosovo", "feed:tagged-kosovo",
            "nato-world", "feed:nato-world");

    @Value("${datasources.default.url}")
    String databaseUrl;

    private int written;

    @Test
    void everyKindOfFeedPageReadsNoMoreRowsWhenTheArchiveGrowsTenfold() throws SQLException {
        assumeFalse(TestDatabase.isPostgres(), ONLY_H2);
        importArticles(600);
        for (int n = 0; n < 20; n++) { // tombstones in every feed's first page: a range as long as they are
            assertEquals(200, http.post("/api/articles/plan-" + n + "/withdraw", "{\"reason\": \"legal\"}").status());
        }
        Map<String, Long> small = rowsReadByEveryPage();
        importArticles(5400);
        Map<String, Long> large = rowsReadByEveryPage();
        assertEquals(small, large, "rows read per feed page at 600 and at 6,000 articles");
        large.forEach((page, rows) -> assertTrue(rows > 0 && rows <= 700,
                page + " reads about a page of rows (50 items, their pictures, authors, categories, tags), not " + rows + ": " + large));

        keysetPagesReadAPageOfRowsAtAnyDepth();

        // the lifecycle's own statements read their range and no more: 20 withdrawn articles' ~80 tombstones
        OffsetDateTime later = Instant.parse("2999-01-01T00:00:00Z").atOffset(ZoneOffset.UTC);
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            long tombstones = count(connection, "SELECT COUNT(*) FROM feed_tombstone");
            long id = count(connection, "SELECT MIN(article_id) FROM feed_tombstone");
            long pruneRead = scanned(connection, FeedItemRepository.PRUNE_SQL, later);
            assertTrue(pruneRead <= tombstones + 1, "a prune chunk: its range (H2 counts the row that ends it), " + pruneRead + " rows read for "
                    + tombstones + " tombstones: " + plan(connection, FeedItemRepository.PRUNE_SQL, later));
            assertTrue(scanned(connection, FeedItemRepository.TOMBSTONE_FEEDS_SQL, id) <= 10, "an article's tombstones: by article");
            assertTrue(scanned(connection, FeedPageQueries.NEXT_EXPIRY_SQL) <= 2, "the next expiry: one row");
            assertTrue(scanned(connection, io.broadsheet.storage.ArticleQueries.DUE_EXPIRIES_SQL,
                    Instant.parse("2022-01-01T00:00:00Z").atOffset(ZoneOffset.UTC)) <= 2, "no expiry due: nothing read");
        }
    }

    /** The keyset page just before the oldest items of every kind of feed reads 51 rows, where OFFSET reads all. */
    private void keysetPagesReadAPageOfRowsAtAnyDepth() throws SQLException {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            for (String key : KEYS.values()) {
                OffsetDateTime at;
                long id;
                long visible;
                try (PreparedStatement ps = connection.prepareStatement("SELECT published_at, article_id, (SELECT COUNT(*)"
                        + " FROM feed_item c WHERE c.feed = f.feed AND c.published_at <= ?) FROM feed_item f WHERE"
                        + " f.feed = ? AND f.published_at <= ? ORDER BY published_at, article_id LIMIT 1 OFFSET 60")) {
                    bind(ps, now, key, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next(), key + " has more than 60 items");
                        at = rs.getObject(1, OffsetDateTime.class);
                        id = rs.getLong(2);
                        visible = rs.getLong(3);
                    }
                }
                OffsetDateTime from = at.isBefore(now) ? at : now;
                long keyset = scanned(connection, FeedPageQueries.AFTER_SQL, key, from, at, id, 51);
                assertTrue(keyset <= 53, key + ": a keyset page 60 items from the oldest of " + visible + " reads "
                        + keyset + " rows: " + plan(connection, FeedPageQueries.AFTER_SQL, key, from, at, id, 51));
                long offset = scanned(connection, FeedPageQueries.NEWEST_SQL, key, now, 50, visible - 110);
                assertTrue(offset >= visible - 60, key + ": the same page by OFFSET reads " + offset);
            }
        }
    }

    private static String plan(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDeltaOfACachedFirstPageRunsNoQueryAtAll() throws SQLException {
        assumeFalse(TestDatabase.isPostgres(), ONLY_H2);
        importArticles(60);
        String path = "/feeds/europe-politics.json";
        String first = http.get(path).header("ETag").orElseThrow();
        importArticles(5);
        http.get(path);
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("SET QUERY_STATISTICS TRUE");
            Http.Answer delta = http.send(http.request(path).header("A-IM", "feed").header("If-None-Match", first));
            assertEquals(226, delta.status(), delta.body());
            assertTrue(FeedParsers.parse(FeedFormat.JSON, delta.body()).items().size() > 0, delta.body());
            // what reads articles or feeds (the partner-key counters may be flushed meanwhile: not the delta's doing)
            try (ResultSet rs = statement.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                    + " WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'"
                    + " AND (LOWER(SQL_STATEMENT) LIKE '%article%' OR LOWER(SQL_STATEMENT) LIKE '%feed_%')")) {
                List<String> run = new ArrayList<>();
                while (rs.next()) {
                    run.add(rs.getString(1));
                }
                assertEquals(List.of(), run, "statements run by a delta of a cached page");
            } finally {
                statement.execute("SET QUERY_STATISTICS FALSE");
            }
        }
    }

    /** Rows scanned by pages 1 and 3 of every kind of feed, the way FeedService renders them. */
    private Map<String, Long> rowsReadByEveryPage() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            for (Map.Entry<String, String> feed : KEYS.entrySet()) {
                String key = feed.getValue();
                for (int page : new int[]{1, 3}) {
                    List<Long> ids = new ArrayList<>();
                    long read = scanned(connection, FeedPageQueries.WINDOW_SQL, key, now, now, key)
                            + scanned(connection, FeedPageQueries.TOMBSTONES_SQL, key, 500)
                            + scanned(connection, FeedPageQueries.COUNT_BETWEEN_SQL, key, now.minusSeconds(5), now)
                            + scanned(connection, FeedPageQueries.NEWEST_SQL, key, now, 50, (page - 1) * 50L);
                    try (PreparedStatement ps = connection.prepareStatement(FeedPageQueries.NEWEST_SQL)) {
                        bind(ps, key, now, 50, (page - 1) * 50L);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                    assertEquals(50, ids.size(), feed.getKey() + " page " + page + " is full");
                    String in = String.join(",", ids.stream().map(String::valueOf).toList());
                    read += scanned(connection, "SELECT * FROM article WHERE id IN (" + in + ")");
                    // images, authors and corrections are columns of the article row; categories and tags have rows
                    for (String child : List.of("article_category", "article_tag")) {
                        read += scanned(connection, "SELECT * FROM " + child + " WHERE article_id IN (" + in
                                + ") ORDER BY article_id, ordinal");
                    }
                    rows.put(feed.getKey() + " page " + page, read);
                    assertEquals(200, http.get("/feeds/" + feed.getKey() + ".rss?page=" + page).status());
                }
            }
        }
        return rows;
    }

    private static long scanned(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                long total = 0;
                Matcher m = SCAN_COUNT.matcher(plan);
                while (m.find()) {
                    total += Long.parseLong(m.group(1));
                }
                return total;
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** Articles spread over five categories and four tags, one a minute, every tenth embargoed till 2099;
     * half of them tagged NATO besides. */
    private void importArticles(int count) {
        int first = written;
        written += count;
        Corpus articles = Corpus.generated(count, i -> {
            int n = first + i;
            String published = n % 10 == 9 ? "2099-01-01T00:00:00Z" : Corpus.oneAMinute(n);
            Map<String, Object> article = Fixtures.article("plan-" + n, published,
                    CATEGORIES[n % CATEGORIES.length], CATEGORIES[(n + 2) % CATEGORIES.length]);
            article.put("tags", n % 2 == 0 ? List.of(TAGS[n % TAGS.length], "NATO") : List.of(TAGS[n % TAGS.length]));
            if (n % 7 == 3) {
                article.put("expiresAt", "2999-12-31T00:00:00Z"); // pending expiries: the window reads the first
            }
            return article;
        });
        assertEquals(200, http.importLines(articles.ndjson()).status());
    }
}
