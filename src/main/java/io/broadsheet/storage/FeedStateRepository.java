package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code feed_state}: when each feed, the site and the configuration last changed, and the fingerprints some of
 * those rows carry. Every statement runs on the caller's transaction.
 */
@Singleton
public class FeedStateRepository {

    /** When each feed, the site and the configuration last changed, every row: (no parameters). */
    public static final String LAST_MODIFIED_SQL = "SELECT name, last_modified FROM feed_state";

    /** A row: when {@code name} last changed, and its fingerprint (or null). */
    public record Row(String name, Instant lastModified, String fingerprint) {
    }

    private final JdbcOperations jdbc;

    FeedStateRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves a row's time on to {@code time} unless a later one is recorded; returns the rows found (0 or 1). */
    public int raise(String name, OffsetDateTime time) {
        return jdbc.prepareStatement("UPDATE feed_state SET last_modified = GREATEST(last_modified, ?) WHERE name = ?", ps -> {
            ps.setObject(1, time);
            ps.setString(2, name);
            return ps.executeUpdate();
        });
    }

    /** Inserts a row unless one exists already; returns the rows inserted (0 or 1). */
    public int insertIfAbsent(String name, OffsetDateTime time) {
        return jdbc.prepareStatement(
                "INSERT INTO feed_state (name, last_modified) VALUES (?, ?) ON CONFLICT DO NOTHING", ps -> {
                    ps.setString(1, name);
                    ps.setObject(2, time);
                    return ps.executeUpdate();
                });
    }

    /** True when a row of this name exists. */
    public boolean exists(String name) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM feed_state WHERE name = ?", ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /** The latest time of the three rows named, if any of them exists. */
    public Optional<Instant> latest(String first, String second, String third) {
        return jdbc.prepareStatement("SELECT MAX(last_modified) FROM feed_state WHERE name IN (?, ?, ?)", ps -> {
            ps.setString(1, first);
            ps.setString(2, second);
            ps.setString(3, third);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                OffsetDateTime time = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
            }
        });
    }

    /** Every row but {@code except}, by name. */
    public List<Row> allBut(String except) {
        return jdbc.prepareStatement("SELECT name, last_modified, fingerprint FROM feed_state WHERE name <> ? ORDER BY name", ps -> {
            ps.setString(1, except);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)));
                }
            }
            return rows;
        });
    }

    /** Every row's time, by name: {@link #LAST_MODIFIED_SQL}. */
    public Map<String, Instant> lastModified() {
        return jdbc.prepareStatement(LAST_MODIFIED_SQL, ps -> {
            Map<String, Instant> states = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return states;
        });
    }

    /** Deletes every row but {@code except}. */
    public void deleteAllBut(String except) {
        jdbc.prepareStatement("DELETE FROM feed_state WHERE name <> ?", ps -> {
            ps.setString(1, except);
            return ps.executeUpdate();
        });
    }

    /** Inserts these rows in one batch. */
    public void insertAll(List<Row> rows) {
        Statements.batch(jdbc, "INSERT INTO feed_state (name, last_modified, fingerprint) VALUES (?, ?, ?)",
                rows.stream().map(s -> new Object[]{s.name(), s.lastModified().atOffset(ZoneOffset.UTC), s.fingerprint()})
                        .toList());
    }

    /** Replaces a row with one of this time and fingerprint. */
    public void replace(String name, OffsetDateTime time, String fingerprint) {
        jdbc.prepareStatement("DELETE FROM feed_state WHERE name = ?", ps -> {
            Statements.bind(ps, name);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO feed_state (name, last_modified, fingerprint) VALUES (?, ?, ?)", ps -> {
            Statements.bind(ps, name, time, fingerprint);
            return ps.executeUpdate();
        });
    }

    /** Sets the fingerprint of a row. */
    public void setFingerprint(String name, String fingerprint) {
        jdbc.prepareStatement("UPDATE feed_state SET fingerprint = ? WHERE name = ?", ps -> {
            ps.setString(1, fingerprint);
            ps.setString(2, name);
            return ps.executeUpdate();
        });
    }

    /** The fingerprint of a row, if the row exists and carries one. */
    public Optional<String> fingerprint(String name) {
        return jdbc.prepareStatement("SELECT fingerprint FROM feed_state WHERE name = ?", ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }
}
