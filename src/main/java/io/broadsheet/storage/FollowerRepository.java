package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code fediverse_follower}: who follows which feed, every statement on the caller's transaction and on an index of
 * V11 (the primary key (feed, actor), {@code _since_idx} (feed, followed_at), {@code _actor_idx}, {@code _domain_idx}).
 */
@Singleton
public class FollowerRepository {

    /** A feed's followers: (feed); the primary key's range, or the since index's. */
    public static final String COUNT_SQL = "SELECT COUNT(*) FROM fediverse_follower WHERE feed = ?";
    /**
     * When a feed's earliest current follower followed: (feed); the first entry of the since index's range. The order
     * names both of the index's columns: by followed_at alone, H2 sorts the feed's whole range.
     */
    public static final String FIRST_FOLLOWED_SQL = "SELECT followed_at FROM fediverse_follower WHERE feed = ?"
            + " ORDER BY feed, followed_at LIMIT 1";
    /** An actor gone from every feed: (actor); the actor index. */
    public static final String DELETE_ACTOR_SQL = "DELETE FROM fediverse_follower WHERE actor = ?";

    /** The distinct delivery inboxes of a domain's followers: (domain); the domain index's range. */
    public static final String DELIVERY_INBOXES_SQL = "SELECT COUNT(DISTINCT delivery_inbox) FROM fediverse_follower"
            + " WHERE domain = ?";
    /** Whether any follower on a domain is delivered to an inbox: (domain, delivery_inbox); the domain index. */
    public static final String DELIVERS_TO_SQL = "SELECT delivery_inbox FROM fediverse_follower WHERE domain = ?"
            + " AND delivery_inbox = ? LIMIT 1";

    /** A follower as stored. */
    public record Follower(String feed, String actor, String inbox, String sharedInbox, String deliveryInbox,
                           String domain, String followId, Instant followedAt) {
    }

    private final JdbcOperations jdbc;

    FollowerRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** {@link #COUNT_SQL}. */
    public long count(String feed) {
        return jdbc.prepareStatement(COUNT_SQL, ps -> {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** {@link #FIRST_FOLLOWED_SQL}. */
    public Optional<Instant> firstFollowedAt(String feed) {
        return jdbc.prepareStatement(FIRST_FOLLOWED_SQL, ps -> {
            ps.setString(1, feed);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        });
    }

    /**
     * Stores a follower, or refreshes the row of one that follows already (its inboxes and Follow id; it keeps the
     * time it first followed). Returns true when the row is new.
     */
    public boolean upsert(Follower f) {
        if (refresh(f) > 0) {
            return false;
        }
        int inserted = update("INSERT INTO fediverse_follower (feed, actor, inbox, shared_inbox, delivery_inbox, domain,"
                + " follow_id, followed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", f.feed(), f.actor(),
                f.inbox(), f.sharedInbox(), f.deliveryInbox(), f.domain(), f.followId(),
                f.followedAt().atOffset(ZoneOffset.UTC));
        if (inserted == 0) {
            refresh(f); // another request inserted it between the two statements
        }
        return inserted > 0;
    }

    private int refresh(Follower f) {
        return update("UPDATE fediverse_follower SET inbox = ?, shared_inbox = ?, delivery_inbox = ?, domain = ?,"
                + " follow_id = ? WHERE feed = ? AND actor = ?", f.inbox(), f.sharedInbox(), f.deliveryInbox(), f.domain(),
                f.followId(), f.feed(), f.actor());
    }

    /** {@link #DELIVERY_INBOXES_SQL}. */
    public long deliveryInboxes(String domain) {
        return jdbc.prepareStatement(DELIVERY_INBOXES_SQL, ps -> {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** {@link #DELIVERS_TO_SQL}: true when some follower on the domain is delivered to this inbox. */
    public boolean deliversTo(String domain, String deliveryInbox) {
        return !Statements.strings(jdbc, DELIVERS_TO_SQL, domain, deliveryInbox).isEmpty();
    }

    /** Removes one follower of one feed; the rows removed (0 or 1). */
    public int delete(String feed, String actor) {
        return update("DELETE FROM fediverse_follower WHERE feed = ? AND actor = ?", feed, actor);
    }

    /** Removes the follow an actor made with this Follow id, whichever feed it was of. */
    public int deleteByFollowId(String actor, String followId) {
        return update("DELETE FROM fediverse_follower WHERE actor = ? AND follow_id = ?", actor, followId);
    }

    /** {@link #DELETE_ACTOR_SQL}: the rows removed. */
    public int deleteActor(String actor) {
        return update(DELETE_ACTOR_SQL, actor);
    }

    /** True when the actor follows any feed. */
    public boolean follows(String actor) {
        return !Statements.strings(jdbc, "SELECT actor FROM fediverse_follower WHERE actor = ? LIMIT 1", actor).isEmpty();
    }

    /** The distinct domains followers are on (one entry per server: read from the domain index). */
    public List<String> domains() {
        return Statements.strings(jdbc, "SELECT DISTINCT domain FROM fediverse_follower");
    }

    /** Removes every follower on this domain (exactly it: the caller names each subdomain). */
    public int deleteDomain(String domain) {
        return update("DELETE FROM fediverse_follower WHERE domain = ?", domain);
    }

    /** Removes the followers of every feed that are delivered to this inbox, all on {@code domain}. */
    public int deleteByDeliveryInbox(String domain, String deliveryInbox) {
        return update("DELETE FROM fediverse_follower WHERE domain = ? AND delivery_inbox = ?", domain, deliveryInbox);
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, parameters);
            return ps.executeUpdate();
        });
    }
}
