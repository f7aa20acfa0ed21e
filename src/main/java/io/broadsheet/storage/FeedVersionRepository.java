package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@code feed_version}: the validators of first pages served, by feed file ({@code <feed>.<ext>}), with their
 * Last-Modified: the bases of RFC 3229 deltas. Every statement runs on the caller's transaction.
 */
@Singleton
public class FeedVersionRepository {

    private final JdbcOperations jdbc;

    FeedVersionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a version unless it is known already; returns the rows inserted (0 or 1). */
    public int insert(String feed, String etag, Instant changedAt, Instant recordedAt) {
        return jdbc.prepareStatement("INSERT INTO feed_version (feed, etag, changed_at, recorded_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", ps -> {
            ps.setString(1, feed);
            ps.setString(2, etag);
            ps.setObject(3, changedAt.atOffset(ZoneOffset.UTC));
            ps.setObject(4, recordedAt.atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
        });
    }

    /** The Last-Modified recorded with a version, if known. */
    public Optional<Instant> changedAt(String feed, String etag) {
        return jdbc.prepareStatement("SELECT changed_at FROM feed_version WHERE feed = ? AND etag = ?", ps -> {
            ps.setString(1, feed);
            ps.setString(2, etag);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
            }
        });
    }

    /** Deletes the versions recorded before {@code before}; returns how many went. */
    public int deleteRecordedBefore(OffsetDateTime before) {
        return jdbc.prepareStatement("DELETE FROM feed_version WHERE recorded_at < ?", ps -> {
            ps.setObject(1, before);
            return ps.executeUpdate();
        });
    }
}
