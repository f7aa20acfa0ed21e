package io.broadsheet.cluster;

import io.broadsheet.storage.Database;
import io.broadsheet.storage.NoticeRepository;
import jakarta.inject.Singleton;

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

    private final NoticeRepository notices;
    private final boolean postgres;
    private final String instance = UUID.randomUUID().toString();

    public ClusterChanges(NoticeRepository notices, Database database) {
        this.notices = notices;
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
        long version = notices.nextVersion();
        if (postgres) {
            notices.send(new Notice(version, instance, kind, feeds).encode());
        }
    }
}
