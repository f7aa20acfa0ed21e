package io.broadsheet.storage;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/** {@code fediverse_activity} and {@code fediverse_delivery}, every statement on the caller's transaction. */
@Singleton
public class DeliveryRepository {

    private final JdbcOperations jdbc;

    DeliveryRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an activity; its row id. */
    public long insertActivity(String feed, String activityId, String kind, String body, Instant now) {
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement("INSERT INTO fediverse_activity"
                + " (feed, activity_id, kind, body, created_at) VALUES (?, ?, ?, ?, ?)", new String[]{"id"})) {
            Statements.bind(ps, feed, activityId, kind, body, now.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("The activity could not be stored: " + e.getMessage(), e);
        }
    }

    /** One delivery of an activity to an inbox, due at {@code due}. */
    public void insertDelivery(long activity, String inbox, Instant due) {
        jdbc.prepareStatement("INSERT INTO fediverse_delivery (activity, inbox, attempts, next_attempt_at)"
                + " VALUES (?, ?, 0, ?)", ps -> {
                    Statements.bind(ps, activity, inbox, due.atOffset(ZoneOffset.UTC));
                    return ps.executeUpdate();
                });
    }
}
