package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The change notices between instances on one PostgreSQL: the change version in {@code feed_release} that every
 * write moves under its row lock, the NOTIFY sent on commit, and the LISTEN and version reads of the listening
 * connection (a connection of its own, outside the pool, which the caller opens and closes).
 */
@Singleton
public class NoticeRepository {

    /** The channel instances listen on. */
    public static final String CHANNEL = "broadsheet_changes";

    private final JdbcOperations jdbc;

    NoticeRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** In the writing transaction: moves the change version on and returns it (0 without the release row). */
    public long nextVersion() {
        return jdbc.prepareStatement("UPDATE feed_release SET change_version = change_version + 1 WHERE id = 1",
                ps -> ps.executeUpdate()) == 0 ? 0 : currentVersion();
    }

    /** In the writing transaction (PostgreSQL only): the notice, delivered to the listeners when it commits. */
    public void send(String payload) {
        jdbc.prepareStatement("SELECT pg_notify(?, ?)", ps -> {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
            return ps.execute();
        });
    }

    private long currentVersion() {
        return jdbc.prepareStatement("SELECT change_version FROM feed_release WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** On the listening connection: from now on its notifications carry the notices. */
    public static void listen(Connection listening) throws SQLException {
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
    }

    /** On the listening connection: the change version committed so far (a dead connection fails here). */
    public static long version(Connection listening) throws SQLException {
        try (Statement statement = listening.createStatement();
             ResultSet rs = statement.executeQuery("SELECT change_version FROM feed_release WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
