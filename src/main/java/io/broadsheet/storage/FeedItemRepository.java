package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rows the feed index writes: {@code feed_item} and {@code feed_count} (which feeds hold which article, and how
 * many), {@code feed_tombstone}, {@code article_expiry} and the release row of {@code feed_release}. Every statement
 * runs on the caller's transaction, batched as the caller hands the rows: (feed key, published_at, article id) for
 * items and tombstones, (expires_at, article id) for expiries.
 */
@Singleton
public class FeedItemRepository {

    /** The feeds that carry a tombstone of an article: (article id). */
    public static final String TOMBSTONE_FEEDS_SQL = "SELECT feed FROM feed_tombstone WHERE article_id = ?";
    /** Most tombstones one prune transaction removes: the release lock every write waits for is held briefly. */
    public static final int PRUNE_CHUNK = 5_000;
    /** The oldest tombstones past the cutoff, a chunk of them: a range of feed_tombstone_withdrawn_idx. */
    public static final String PRUNE_SQL = "SELECT feed, article_id FROM feed_tombstone WHERE withdrawn_at < ?"
            + " ORDER BY withdrawn_at LIMIT " + PRUNE_CHUNK;

    /** Tombstones past a cutoff: the feeds that carry them and their articles, in the order read. */
    public record Expired(Set<String> keys, Set<Long> articles) {
    }

    private final JdbcOperations jdbc;

    FeedItemRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the release row until the transaction ends; returns its counted_through. */
    public Instant lockRelease() {
        return jdbc.prepareStatement("SELECT counted_through FROM feed_release WHERE id = 1 FOR UPDATE", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        });
    }

    /** The keys of the feeds that carry a tombstone of this article: one range of its index. */
    public List<String> tombstoneFeeds(long articleId) {
        return Statements.strings(jdbc, TOMBSTONE_FEEDS_SQL, articleId);
    }

    /** Deletes every tombstone of an article. */
    public void deleteTombstones(long articleId) {
        update("DELETE FROM feed_tombstone WHERE article_id = ?", articleId);
    }

    /** Deletes item rows; returns the batch's answer for each (0 when the row was not there). */
    public int[] deleteItems(List<Object[]> rows) {
        return Statements.batch(jdbc, "DELETE FROM feed_item WHERE feed = ? AND published_at = ? AND article_id = ?", rows);
    }

    /** Inserts tombstone rows: (feed key, withdrawn_at, article id). */
    public void insertTombstones(List<Object[]> rows) {
        Statements.batch(jdbc, "INSERT INTO feed_tombstone (feed, withdrawn_at, article_id) VALUES (?, ?, ?)", rows);
    }

    /** Deletes pending expiries. */
    public void deleteExpiries(List<Object[]> rows) {
        Statements.batch(jdbc, "DELETE FROM article_expiry WHERE expires_at = ? AND article_id = ?", rows);
    }

    /** Inserts pending expiries. */
    public void insertExpiries(List<Object[]> rows) {
        Statements.batch(jdbc, "INSERT INTO article_expiry (expires_at, article_id) VALUES (?, ?)", rows);
    }

    /** Inserts item rows. */
    public void insertItems(List<Object[]> rows) {
        Statements.batch(jdbc, "INSERT INTO feed_item (feed, published_at, article_id) VALUES (?, ?, ?)", rows);
    }

    /** Moves the release row's counted_through to {@code end}. */
    public void countThrough(OffsetDateTime end) {
        jdbc.prepareStatement("UPDATE feed_release SET counted_through = ? WHERE id = 1", ps -> {
            ps.setObject(1, end);
            return ps.executeUpdate();
        });
    }

    /** True when any article was published in (start, end]: one short range of feed {@code all}. */
    public boolean anyPublishedBetween(OffsetDateTime start, OffsetDateTime end) {
        return jdbc.prepareStatement("SELECT article_id FROM feed_item WHERE feed = 'all'"
                + " AND published_at > ? AND published_at <= ? ORDER BY feed, published_at DESC, article_id DESC LIMIT 1", ps -> {
            ps.setObject(1, start);
            ps.setObject(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Items published in (start, end] by feed key, feeds without any left out. */
    public Map<String, Long> publishedBetween(OffsetDateTime start, OffsetDateTime end) {
        // one short range of the newest-items index per feed, rather than a scan of all rows in that time
        return jdbc.prepareStatement("SELECT c.feed, (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed"
                + " AND f.published_at > ? AND f.published_at <= ?) FROM feed_count c", ps -> {
            ps.setObject(1, start);
            ps.setObject(2, end);
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /** Adds to feeds' counts: rows of (feed key) made if missing, then (visible, total, feed key) added. */
    public void addCounts(List<Object[]> keys, List<Object[]> updates) {
        Statements.batch(jdbc, "INSERT INTO feed_count (feed, visible, total) VALUES (?, 0, 0) ON CONFLICT DO NOTHING", keys);
        Statements.batch(jdbc, "UPDATE feed_count SET visible = visible + ?, total = total + ? WHERE feed = ?", updates);
    }

    /** Up to {@value #PRUNE_CHUNK} of the oldest tombstones withdrawn before {@code before}: {@link #PRUNE_SQL}. */
    public Expired expiredTombstones(OffsetDateTime before) {
        Set<String> keys = new LinkedHashSet<>();
        Set<Long> articles = new LinkedHashSet<>();
        jdbc.prepareStatement(PRUNE_SQL, ps -> {
            Statements.bind(ps, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                    articles.add(rs.getLong(2));
                }
            }
            return null;
        });
        return new Expired(keys, articles);
    }

    /** Deletes these articles' tombstones withdrawn before {@code before}. */
    public void deleteTombstonesBefore(Set<Long> articles, OffsetDateTime before) {
        List<Object[]> rows = articles.stream().map(id -> new Object[]{id, before}).toList();
        Statements.batch(jdbc, "DELETE FROM feed_tombstone WHERE article_id = ? AND withdrawn_at < ?", rows);
    }

    /** Deletes the items, counts and tombstones of every feed whose key starts with {@code prefix}. */
    public void deleteFeedsStartingWith(String prefix) {
        update("DELETE FROM feed_item WHERE feed LIKE ?", prefix + "%");
        update("DELETE FROM feed_count WHERE feed LIKE ?", prefix + "%");
        update("DELETE FROM feed_tombstone WHERE feed LIKE ?", prefix + "%");
    }

    /**
     * Fills a feed's rows from the whole archive: its items (live articles in any of {@code categories}, when some are
     * given, with any of {@code tagKeys}, when some are given), its count as of {@code counted}, and the tombstones it
     * would carry had it selected this all along (withdrawn after the time {@code tombstonesSince} gives, asked after
     * the items and count are written).
     */
    public void fill(String key, List<String> categories, List<String> tagKeys, OffsetDateTime counted,
                     Supplier<OffsetDateTime> tombstonesSince) {
        List<Object> params = new ArrayList<>();
        params.add(key);
        String selection = selection(categories, tagKeys, params);
        update("INSERT INTO feed_item (feed, published_at, article_id) SELECT ?, a.published_at, a.id FROM article a"
                + " WHERE a.withdrawn_at IS NULL" + selection, params.toArray());
        update("INSERT INTO feed_count (feed, visible, total) SELECT feed,"
                + " SUM(CASE WHEN published_at <= ? THEN 1 ELSE 0 END), COUNT(*) FROM feed_item WHERE feed = ? GROUP BY feed",
                counted, key);
        params.add(1, tombstonesSince.get());
        update("INSERT INTO feed_tombstone (feed, withdrawn_at, article_id) SELECT ?, a.withdrawn_at, a.id FROM article a"
                + " WHERE a.withdrawn_at > ? AND a.published_at <= a.withdrawn_at" + selection, params.toArray());
    }

    /** The conditions of a selection on {@code article a}, after the feed key in {@code params}. */
    private static String selection(List<String> categories, List<String> tagKeys, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (!categories.isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN (")
                    .append(Statements.placeholders(categories.size())).append("))");
            params.addAll(categories);
        }
        if (!tagKeys.isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN (")
                    .append(Statements.placeholders(tagKeys.size())).append("))");
            params.addAll(tagKeys);
        }
        return sql.toString();
    }

    private void update(String sql, Object... params) {
        jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, params);
            return ps.executeUpdate();
        });
    }
}
