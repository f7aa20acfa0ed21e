package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each feed's followers were sent ({@code fediverse_note}: one row per feed and article, with the digest of the
 * Note), and the reads publishing decides by: whether any feed has followers, since when a feed has, and which
 * articles an embargo released.
 */
@Singleton
public class NoteLedgerRepository {

    /** The articles published in (from, through]: one range of feed {@code all}'s newest-items index. */
    public static final String RELEASED_SQL = "SELECT article_id FROM feed_item WHERE feed = 'all'"
            + " AND published_at > ? AND published_at <= ? ORDER BY feed, published_at DESC, article_id DESC";

    private final JdbcOperations jdbc;

    NoteLedgerRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** True when any feed has a follower: one probe of the table. */
    public boolean anyFollower() {
        return !Statements.strings(jdbc, "SELECT feed FROM fediverse_follower LIMIT 1").isEmpty();
    }

    /** When the feed gained its earliest current follower; empty when it has none (one end of an index). */
    public Optional<Instant> firstFollowedAt(String feed) {
        return jdbc.prepareStatement("SELECT MIN(followed_at) FROM fediverse_follower WHERE feed = ?", ps -> {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
            }
        });
    }

    /** The digests sent to a feed's followers, by article id, for those of {@code articleIds} that have one. */
    public Map<Long, String> digests(String feed, Collection<Long> articleIds) {
        Map<Long, String> digests = new HashMap<>();
        if (articleIds.isEmpty()) {
            return digests;
        }
        List<Long> ids = List.copyOf(articleIds);
        return jdbc.prepareStatement("SELECT article_id, digest FROM fediverse_note WHERE feed = ? AND article_id IN ("
                + Statements.placeholders(ids.size()) + ")", ps -> {
            ps.setString(1, feed);
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 2, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    digests.put(rs.getLong(1), rs.getString(2));
                }
            }
            return digests;
        });
    }

    /** A Create was sent: the note's row. */
    public void insert(String feed, long articleId, String digest, Instant publishedAt) {
        update("INSERT INTO fediverse_note (feed, article_id, digest, published_at) VALUES (?, ?, ?, ?)",
                feed, articleId, digest, publishedAt.atOffset(ZoneOffset.UTC));
    }

    /** An Update was sent: the note's new digest. */
    public void updateDigest(String feed, long articleId, String digest) {
        update("UPDATE fediverse_note SET digest = ? WHERE feed = ? AND article_id = ?", digest, feed, articleId);
    }

    /** A Delete was sent: the note's row goes. */
    public void delete(String feed, long articleId) {
        update("DELETE FROM fediverse_note WHERE feed = ? AND article_id = ?", feed, articleId);
    }

    /** The ids of the articles published in (from, through], newest first ({@link #RELEASED_SQL}). */
    public List<Long> publishedBetween(Instant from, Instant through) {
        return Statements.longs(jdbc, RELEASED_SQL, from.atOffset(ZoneOffset.UTC), through.atOffset(ZoneOffset.UTC));
    }

    private void update(String sql, Object... params) {
        jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, params);
            return ps.executeUpdate();
        });
    }
}
