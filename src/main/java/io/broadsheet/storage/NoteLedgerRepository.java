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

    /** The start of the grouped read of feeds' first followers; {@link #firstFollowedSql} ends it. */
    public static final String FIRST_FOLLOWED_SQL = "SELECT feed, MIN(followed_at) FROM fediverse_follower WHERE feed IN (";

    private final JdbcOperations jdbc;

    NoteLedgerRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** True when any feed has a follower: one probe of the table. */
    public boolean anyFollower() {
        return !Statements.strings(jdbc, "SELECT feed FROM fediverse_follower LIMIT 1").isEmpty();
    }

    /**
     * When each of {@code feeds} gained its earliest current follower, for those that have one: one grouped read of
     * the (feed, followed_at) index ({@link #FIRST_FOLLOWED_SQL}).
     */
    public Map<String, Instant> firstFollowedAt(Collection<String> feeds) {
        Map<String, Instant> first = new HashMap<>();
        if (feeds.isEmpty()) {
            return first;
        }
        return jdbc.prepareStatement(firstFollowedSql(feeds.size()), ps -> {
            Statements.bind(ps, feeds.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    first.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return first;
        });
    }

    /** {@link #FIRST_FOLLOWED_SQL} for {@code feeds} feeds. */
    public static String firstFollowedSql(int feeds) {
        return FIRST_FOLLOWED_SQL + Statements.placeholders(feeds) + ") GROUP BY feed";
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

    /**
     * A Create is to be sent: the note's row, unless another transaction wrote it first (the release timer and an
     * editor publishing the same article at once); true when this one inserted it, and so sends the Create.
     */
    public boolean insert(String feed, long articleId, String digest, Instant publishedAt) {
        return update("INSERT INTO fediverse_note (feed, article_id, digest, published_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", feed, articleId, digest, publishedAt.atOffset(ZoneOffset.UTC)) == 1;
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

    private int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, params);
            return ps.executeUpdate();
        });
    }
}
