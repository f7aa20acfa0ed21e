package io.broadsheet.storage;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fediverse's delivery queue: {@code fediverse_activity} (what is sent) and {@code fediverse_delivery} (one row
 * per activity and inbox still owed), taken by instances under a lease; and the reads of {@code fediverse_follower}
 * that delivery needs (their distinct inboxes, removing those whose inbox is gone, the counts the newsroom shows).
 */
@Singleton
public class DeliveryRepository {

    /** Followers' distinct delivery inboxes, in one statement on the (feed, delivery_inbox) index. */
    public static final String ENQUEUE_TO_FOLLOWERS_SQL = "INSERT INTO fediverse_delivery"
            + " (activity, inbox, attempts, next_attempt_at) SELECT DISTINCT ?, delivery_inbox, 0, ?"
            + " FROM fediverse_follower WHERE feed = ?";
    /** Due rows not leased by anyone (a lease that ran out is free again), oldest due first. */
    public static final String DUE_SQL = "SELECT activity, inbox, attempts FROM fediverse_delivery"
            + " WHERE next_attempt_at <= ? AND (leased_until IS NULL OR leased_until < ?)"
            + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED";

    private final JdbcOperations jdbc;

    DeliveryRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A delivery taken under a lease, with its activity.
     *
     * @param attempts the attempts made before this one
     * @param leasedUntil the lease this instance wrote when it took the row: settling, retrying and releasing the
     *                    row change it only while it still holds this value (another instance that took the row
     *                    over after the lease ran out wrote its own)
     */
    public record Due(long activity, String inbox, int attempts, String feed, String kind, String body,
                      Instant createdAt, Instant leasedUntil) {
    }

    /** Inserts an activity; returns its row id. */
    public long insertActivity(String feed, String activityId, String kind, String body, Instant createdAt) {
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO fediverse_activity"
                    + " (feed, activity_id, kind, body, created_at) VALUES (?, ?, ?, ?, ?)", new String[]{"id"})) {
                Statements.bind(ps, feed, activityId, kind, body, utc(createdAt));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (SQLException e) {
                throw new DataAccessException("The activity " + activityId + " could not be queued: " + e.getMessage(), e);
            }
        });
    }

    /** One delivery of the activity per inbox, due at {@code due}. */
    public void insertDeliveries(long activity, Collection<String> inboxes, Instant due) {
        List<Object[]> rows = new ArrayList<>();
        inboxes.forEach(inbox -> rows.add(new Object[]{activity, inbox, utc(due)}));
        Statements.batch(jdbc, "INSERT INTO fediverse_delivery (activity, inbox, attempts, next_attempt_at)"
                + " VALUES (?, ?, 0, ?)", rows);
    }

    /** One delivery of the activity per distinct delivery inbox of the feed's followers; how many. */
    public int insertFollowerDeliveries(long activity, String feed, Instant due) {
        return jdbc.prepareStatement(ENQUEUE_TO_FOLLOWERS_SQL, ps -> {
            Statements.bind(ps, activity, utc(due), feed);
            return ps.executeUpdate();
        });
    }

    /**
     * In one short transaction: up to {@code limit} due deliveries nobody holds, leased until {@code leaseUntil}
     * (rows another instance is taking are skipped, not waited for). The lease is also the token of the taking: a
     * value in whole microseconds (what the column keeps) that no other instance writes.
     */
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        List<Object[]> keys = jdbc.prepareStatement(DUE_SQL, ps -> {
            Statements.bind(ps, utc(now), utc(now), limit);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getInt(3)});
                }
            }
            return rows;
        });
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object[]> leases = keys.stream().map(k -> new Object[]{utc(leaseUntil), k[0], k[1]}).toList();
        Statements.batch(jdbc, "UPDATE fediverse_delivery SET leased_until = ? WHERE activity = ? AND inbox = ?", leases);
        Map<Long, Object[]> activities = activities(keys.stream().map(k -> (Long) k[0]).distinct().toList());
        List<Due> due = new ArrayList<>();
        for (Object[] k : keys) {
            Object[] a = activities.get((Long) k[0]);
            due.add(new Due((Long) k[0], (String) k[1], (Integer) k[2], (String) a[0], (String) a[1], (String) a[2],
                    (Instant) a[3], leaseUntil));
        }
        return due;
    }

    private Map<Long, Object[]> activities(List<Long> ids) {
        return jdbc.prepareStatement("SELECT id, feed, kind, body, created_at FROM fediverse_activity WHERE id IN ("
                + Statements.placeholders(ids.size()) + ")", ps -> {
            Statements.bind(ps, ids.toArray());
            Map<Long, Object[]> rows = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[]{rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant()});
                }
            }
            return rows;
        });
    }

    /**
     * A delivery is settled (sent, given up or dropped): its row goes, and its activity with its last one; only
     * while the row holds this taking's lease. False when it no longer did (nothing changed).
     */
    public boolean settle(Due due) {
        if (update("DELETE FROM fediverse_delivery WHERE activity = ? AND inbox = ? AND leased_until = ?",
                due.activity(), due.inbox(), utc(due.leasedUntil())) == 0) {
            return false;
        }
        removeIfSettled(due.activity());
        return true;
    }

    /** Removes the activity if no delivery of it is left. */
    public void removeIfSettled(long activity) {
        update("DELETE FROM fediverse_activity WHERE id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM fediverse_delivery WHERE activity = ?)", activity, activity);
    }

    /**
     * Removes the activities created before {@code before} that have no delivery left (two instances settling an
     * activity's last two deliveries at once each still see the other's).
     */
    public int removeSettledActivities(Instant before) {
        return update("DELETE FROM fediverse_activity WHERE created_at < ? AND NOT EXISTS"
                + " (SELECT 1 FROM fediverse_delivery d WHERE d.activity = fediverse_activity.id)", utc(before));
    }

    /**
     * A failed delivery waits until {@code next}, released from its lease, with its attempts and error; only while
     * the row holds this taking's lease. False when it no longer did (nothing changed).
     */
    public boolean retryAt(Due due, int attempts, Instant next, String error) {
        return update("UPDATE fediverse_delivery SET attempts = ?, next_attempt_at = ?, leased_until = NULL,"
                + " last_error = ? WHERE activity = ? AND inbox = ? AND leased_until = ?", attempts, utc(next), error,
                due.activity(), due.inbox(), utc(due.leasedUntil())) == 1;
    }

    /**
     * Gives a leased delivery back untried (its instance is stopping): another may take it at once; only while the
     * row holds this taking's lease. False when it no longer did (nothing changed).
     */
    public boolean release(Due due) {
        return update("UPDATE fediverse_delivery SET leased_until = NULL WHERE activity = ? AND inbox = ?"
                + " AND leased_until = ?", due.activity(), due.inbox(), utc(due.leasedUntil())) == 1;
    }

    /**
     * What a feed's queue holds.
     *
     * @param oldestDue the earliest due time of its due deliveries, or null when none is due
     */
    public record Queued(long queued, long due, Instant oldestDue) {
    }

    /** Every feed's queued deliveries, by feed. */
    public Map<String, Queued> queued(Instant now) {
        return jdbc.prepareStatement("SELECT a.feed, COUNT(*),"
                + " SUM(CASE WHEN d.next_attempt_at <= ? THEN 1 ELSE 0 END),"
                + " MIN(CASE WHEN d.next_attempt_at <= ? THEN d.next_attempt_at END)"
                + " FROM fediverse_delivery d JOIN fediverse_activity a ON a.id = d.activity GROUP BY a.feed", ps -> {
            Statements.bind(ps, utc(now), utc(now));
            Map<String, Queued> queued = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime oldest = rs.getObject(4, OffsetDateTime.class);
                    queued.put(rs.getString(1), new Queued(rs.getLong(2), rs.getLong(3),
                            oldest == null ? null : oldest.toInstant()));
                }
            }
            return queued;
        });
    }

    /** Deliveries queued, all feeds together. */
    public long count() {
        return Statements.longs(jdbc, "SELECT COUNT(*) FROM fediverse_delivery").get(0);
    }

    /** The followers of each feed that has any, from one grouped query. */
    public Map<String, Long> followerCounts() {
        return jdbc.prepareStatement("SELECT feed, COUNT(*) FROM fediverse_follower GROUP BY feed ORDER BY feed", ps -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private int update(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, params);
            return ps.executeUpdate();
        });
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
