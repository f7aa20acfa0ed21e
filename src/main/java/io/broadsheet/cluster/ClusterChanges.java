package io.broadsheet.cluster;

import io.broadsheet.storage.Database;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Tells the other instances on the same PostgreSQL what a transaction changed, so that none serves a stale feed.
 * Called inside the writing transaction: the version moves under the row lock every write takes, and the NOTIFY
 * is delivered when (and only if) the transaction commits, in commit order. On H2 there is one instance; the
 * version still moves, and nothing is sent.
 */
@Singleton
public class ClusterChanges {

    /** The channel instances listen on. */
    static final String CHANNEL = "broadsheet_changes";

    private final JdbcOperations jdbc;
    private final boolean postgres;
    private final String instance = UUID.randomUUID().toString();

    public ClusterChanges(JdbcOperations jdbc, Database database) {
        this.jdbc = jdbc;
        this.postgres = database.isPostgres();
    }

    /** This process, as its notices name it. */
    String instance() {
        return instance;
    }

    /** In the writing transaction: the rendered documents of these feeds changed. */
    public void feedsChanged(Collection<String> names) {
        if (!names.isEmpty()) {
            send(Notice.Kind.FEEDS, List.copyOf(names));
        }
    }

    /** In the writing transaction: every feed changed. */
    public void everythingChanged() {
        send(Notice.Kind.ALL, List.of());
    }

    /** In the writing transaction: partner keys were created or revoked. */
    public void partnerKeysChanged() {
        send(Notice.Kind.KEYS, List.of());
    }

    private void send(Notice.Kind kind, List<String> feeds) {
        long version = jdbc.prepareStatement("UPDATE feed_release SET change_version = change_version + 1 WHERE id = 1",
                ps -> ps.executeUpdate()) == 0 ? 0 : currentVersion();
        if (postgres) {
            String payload = new Notice(version, instance, kind, feeds).encode();
            jdbc.prepareStatement("SELECT pg_notify(?, ?)", ps -> {
                ps.setString(1, CHANNEL);
                ps.setString(2, payload);
                return ps.execute();
            });
        }
    }

    private long currentVersion() {
        return jdbc.prepareStatement("SELECT change_version FROM feed_release WHERE id = 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
