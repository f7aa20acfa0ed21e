package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a feed page reads from the rows the feed index keeps ({@code io.broadsheet.feed.FeedIndex}): its window (visible count, newest item, next
 * embargo) and its items, each an index seek or a range as long as the page, whatever the archive's size.
 * {@code FeedPlansTest} checks that with H2's {@code EXPLAIN ANALYZE} of these very statements.
 */
@Singleton
public class FeedPageQueries {

    // What a feed page reads. H2 walks an index in order only when ORDER BY names its leading column too.
    /**
     * counted_through, the feed's visible count, its newest visible item, the next embargo, the earliest pending
     * expiry (past ones too, until the timer withdraws them): (key, now, now, key).
     */
    public static final String WINDOW_SQL = "SELECT r.counted_through, c.visible,"
            + " (SELECT f.published_at FROM feed_item f WHERE f.feed = ? AND f.published_at <= ?"
            + " ORDER BY f.feed, f.published_at DESC, f.article_id DESC LIMIT 1),"
            + " (SELECT a.published_at FROM article a WHERE a.published_at > ? ORDER BY a.published_at, a.id LIMIT 1),"
            + " (SELECT x.expires_at FROM article_expiry x ORDER BY x.expires_at, x.article_id LIMIT 1)"
            + " FROM feed_release r LEFT JOIN feed_count c ON c.feed = ? WHERE r.id = 1";
    /** A feed's newest tombstones, with what they show of their articles: (key, limit). */
    public static final String TOMBSTONES_SQL = "SELECT t.article_id, a.slug, a.url, a.published_at, t.withdrawn_at,"
            + " a.withdrawn_reason, a.updated_at FROM feed_tombstone t JOIN article a ON a.id = t.article_id WHERE t.feed = ?"
            + " ORDER BY t.feed, t.withdrawn_at DESC, t.article_id DESC LIMIT ?";
    /** The earliest pending expiry anywhere, past or not: a live article whose window ended is withdrawn at once. */
    public static final String NEXT_EXPIRY_SQL = "SELECT expires_at FROM article_expiry ORDER BY expires_at, article_id LIMIT 1";
    /** Items of a feed published in a span: (key, from, to). */
    public static final String COUNT_BETWEEN_SQL = "SELECT COUNT(*) FROM feed_item WHERE feed = ? AND published_at > ?"
            + " AND published_at <= ?";
    /** A page of a feed's newest visible items: (key, now, limit, offset). */
    public static final String NEWEST_SQL = "SELECT article_id FROM feed_item WHERE feed = ? AND published_at <= ?"
            + " ORDER BY feed, published_at DESC, article_id DESC LIMIT ? OFFSET ?";
    /**
     * A page of a feed's visible items after a cursor, as (published_at, article_id): (key, min(now, cursor time),
     * cursor time, cursor id, limit). The range starts at the cursor's time; of the items sharing that time only those
     * with a lower id pass, so the page costs what the first page costs, however deep it is.
     */
    public static final String AFTER_SQL = "SELECT published_at, article_id FROM feed_item WHERE feed = ? AND published_at <= ?"
            + " AND (published_at < ? OR article_id < ?)"
            + " ORDER BY feed, published_at DESC, article_id DESC LIMIT ?";
    /** The first page's items as AFTER_SQL gives them: (key, now, limit). */
    public static final String FIRST_SQL = "SELECT published_at, article_id FROM feed_item WHERE feed = ? AND published_at <= ?"
            + " ORDER BY feed, published_at DESC, article_id DESC LIMIT ?";
    /** The next embargo to lift anywhere: (now). */
    public static final String NEXT_RELEASE_SQL = "SELECT published_at FROM article WHERE published_at > ?"
            + " ORDER BY published_at, id LIMIT 1";

    private final JdbcOperations jdbc;
    private final FeedCounts counts;

    public FeedPageQueries(JdbcOperations jdbc, FeedCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    /**
     * What a feed page needs besides its items, read on the caller's snapshot.
     *
     * @param visible       items published by {@code now}
     * @param newestVisible the latest publication among them, or null
     * @param nextRelease   the next embargo to lift anywhere (a cached page goes stale then), or null
     * @param nextExpiry    the earliest pending expiry anywhere, past ones too (likewise), or null
     */
    public record Window(long visible, Instant newestVisible, Instant nextRelease, Instant nextExpiry) {

        /** When a page rendered now goes stale without any write: the next embargo or expiry, or null. */
        public Instant validUntil() {
            if (nextRelease == null || nextExpiry == null) {
                return nextRelease == null ? nextExpiry : nextRelease;
            }
            return nextRelease.isBefore(nextExpiry) ? nextRelease : nextExpiry;
        }
    }

    /** The window of the feed whose rows are {@code key}, at {@code now}: three index seeks and one short range. */
    public Window window(String key, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Object[] base = jdbc.prepareStatement(WINDOW_SQL, ps -> {
            Statements.bind(ps, key, at, at, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Object[]{rs.getObject(1, OffsetDateTime.class), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class)};
            }
        });
        Instant through = ((OffsetDateTime) base[0]).toInstant();
        long visible = (long) base[1];
        if (now.isAfter(through)) {
            visible += countBetween(key, through, now);
        } else if (now.isBefore(through)) {
            visible -= countBetween(key, now, through); // a clock behind the last writer's
        }
        return new Window(visible, instant(base[2]), instant(base[3]), instant(base[4]));
    }

    /** Items of the feed published in (from, to]. */
    long countBetween(String key, Instant from, Instant to) {
        return jdbc.prepareStatement(COUNT_BETWEEN_SQL, ps -> {
            Statements.bind(ps, key, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Ids of the newest {@code limit} items visible at {@code now}, after skipping {@code offset}. */
    public List<Long> newest(String key, Instant now, int limit, long offset) {
        return Statements.longs(jdbc, NEWEST_SQL, key, now.atOffset(ZoneOffset.UTC), limit, offset);
    }

    /** Where an item stands in a feed's order: what a keyset page's cursor is made of. */
    public record Position(Instant publishedAt, long articleId) {
    }

    /**
     * The newest {@code limit} items visible at {@code now} after the item at ({@code afterPublishedAt},
     * {@code afterArticleId}) (from the newest when {@code afterPublishedAt} is null), each with its position: one
     * range of feed_item_newest_idx.
     */
    public List<Position> newestAfter(String key, Instant now, Instant afterPublishedAt, long afterArticleId,
                                      int limit) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.prepareStatement(afterPublishedAt == null ? FIRST_SQL : AFTER_SQL, ps -> {
            if (afterPublishedAt == null) {
                Statements.bind(ps, key, at, limit);
            } else {
                OffsetDateTime from = afterPublishedAt.atOffset(ZoneOffset.UTC);
                Statements.bind(ps, key, from.isBefore(at) ? from : at, from, afterArticleId, limit);
            }
            List<Position> found = new java.util.ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Position(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)));
                }
            }
            return found;
        });
    }

    /**
     * A page of the articles of the feed whose rows are {@code key} (a category's, or all), embargoed ones included,
     * newest first, and how many there are: what the article API lists, read from the feeds' rows and counts.
     */
    public record Listing(List<Long> ids, long total) {
    }

    @ReadOnly
    public Listing listing(String key, int limit, long offset) {
        List<Long> ids = Statements.longs(jdbc, "SELECT article_id FROM feed_item WHERE feed = ?"
                + " ORDER BY feed, published_at DESC, article_id DESC LIMIT ? OFFSET ?", key, limit, offset);
        return new Listing(ids, counts.total(key));
    }

    /** A withdrawn article's tombstone in a feed, with what it shows of the article. */
    /** @param changedAt when the article last changed (the withdrawal, or a later edit): the base of deltas */
    public record Tombstone(long articleId, String slug, String url, Instant published, Instant withdrawnAt,
                            String reason, Instant changedAt) {
    }

    /** The newest {@code limit} tombstones of the feed whose rows are {@code key}: one range of their index. */
    public List<Tombstone> tombstones(String key, int limit) {
        return jdbc.prepareStatement(TOMBSTONES_SQL, ps -> {
            Statements.bind(ps, key, limit);
            List<Tombstone> found = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Tombstone(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        });
    }

    /**
     * The next embargo to lift after {@code now} or the earliest pending expiry (an expiry already due, such as one an
     * import brought, counts: the timer then fires at once), whichever comes first, or null.
     */
    @ReadOnly
    public Instant nextEvent(Instant now) {
        Instant release = nextRelease(now);
        Instant expiry = jdbc.prepareStatement(NEXT_EXPIRY_SQL, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        });
        return new Window(0, null, release, expiry).validUntil();
    }

    /** The next embargo to lift after {@code now} anywhere, or null. */
    @ReadOnly
    public Instant nextRelease(Instant now) {
        return jdbc.prepareStatement(NEXT_RELEASE_SQL, ps -> {
            Statements.bind(ps, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
            }
        });
    }

    private static Instant instant(Object time) {
        return time == null ? null : ((OffsetDateTime) time).toInstant();
    }
}
