package io.broadsheet.feed;

import io.broadsheet.storage.FeedCounts;
import io.broadsheet.storage.FeedStateRepository;
import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The feed directory (home page, OPML) reads as many rows at five times the archive: its queries are measured
 * with H2's EXPLAIN ANALYZE (rows scanned) on a small archive and again after it grew.
 */
@MicronautTest(transactional = false)
class FeedDirectoryPlanTest extends HttpTest {

    private static final String[] CATEGORIES = {"world", "europe", "politics", "sports", "science"};
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @Value("${datasources.default.url}")
    String databaseUrl;

    private int written;

    @Test
    void theDirectoryReadsNoMoreRowsWhenTheArchiveGrows() throws SQLException {
        assumeFalse(TestDatabase.isPostgres(), "reads H2's plans: H2 run only");
        importArticles(300);
        long small = scanned(FeedCounts.COUNTS_SQL);
        long smallStates = scanned(FeedStateRepository.LAST_MODIFIED_SQL);
        importArticles(1200);
        long large = scanned(FeedCounts.COUNTS_SQL);
        assertEquals(small, large, "rows read by the counts at 300 and at 1,500 articles: " + plan(FeedCounts.COUNTS_SQL));
        assertTrue(large < 100, "a few rows per feed, not " + large + ": " + plan(FeedCounts.COUNTS_SQL));
        assertEquals(smallStates, scanned(FeedStateRepository.LAST_MODIFIED_SQL), "one feed_state row per feed");
    }

    private long scanned(String sql) throws SQLException {
        Matcher m = SCAN_COUNT.matcher(plan(sql));
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    private String plan(String sql) throws SQLException {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        try (Connection connection = TestDatabase.connect(databaseUrl);
             PreparedStatement ps = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setObject(i, now);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Articles over five categories, one a minute, every tenth embargoed till 2099. */
    private void importArticles(int count) {
        int first = written;
        written += count;
        Corpus articles = Corpus.generated(count, i -> Fixtures.article("dir-" + (first + i),
                (first + i) % 10 == 9 ? "2099-01-01T00:00:00Z" : Corpus.oneAMinute(first + i),
                CATEGORIES[(first + i) % CATEGORIES.length], CATEGORIES[(first + i + 2) % CATEGORIES.length]));
        assertEquals(200, http.importLines(articles.ndjson()).status());
    }
}
