package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The counts every write keeps in {@code feed_count} (see the V4 migration): a feed's total, read by primary key (the
 * one read the article API's listing and the metrics share, so that nothing counts the article table), and every
 * feed's visible count at an instant, for the list of public feeds.
 */
@Singleton
public class FeedCounts {

    /** The key of the rows of feed {@code all}: every article. */
    public static final String ALL = "all";

    /**
     * Per feed's rows: its visible count at (now), corrected from counted_through as {@link FeedPageQueries#window}
     * does, and its newest visible publication. Parameters: (now, now, now). The three subqueries are each a range
     * or a seek of feed_item_newest_idx; feed_count has one row per feed, not per article.
     */
    public static final String COUNTS_SQL = "SELECT c.feed, c.visible"
            + " + (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed AND f.published_at > r.counted_through"
            + " AND f.published_at <= ?)"
            + " - (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed AND f.published_at > ?"
            + " AND f.published_at <= r.counted_through),"
            + " (SELECT f.published_at FROM feed_item f WHERE f.feed = c.feed AND f.published_at <= ?"
            + " ORDER BY f.feed, f.published_at DESC, f.article_id DESC LIMIT 1)"
            + " FROM feed_count c CROSS JOIN feed_release r WHERE r.id = 1";

    private final JdbcOperations jdbc;

    FeedCounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A feed's visible items and its newest visible publication (null when none). */
    public record Visible(long items, Instant newest) {
        public static final Visible NONE = new Visible(0, null);
    }

    /** Every feed's visible items at {@code now}, by feed key: one row per feed ({@link #COUNTS_SQL}). */
    public Map<String, Visible> visible(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.prepareStatement(COUNTS_SQL, ps -> {
            Statements.bind(ps, at, at, at);
            Map<String, Visible> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime newest = rs.getObject(3, OffsetDateTime.class);
                    counts.put(rs.getString(1), new Visible(rs.getLong(2), newest == null ? null : newest.toInstant()));
                }
            }
            return counts;
        });
    }

    /** The articles the feed whose rows are {@code key} holds, embargoed ones included; 0 for a feed without rows. */
    public long total(String key) {
        return jdbc.prepareStatement("SELECT total FROM feed_count WHERE feed = ?", ps -> {
            Statements.bind(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
