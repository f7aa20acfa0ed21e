package io.broadsheet.cluster;

import io.broadsheet.storage.Database;
import io.broadsheet.storage.NoticeRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Applies the other instances' changes ({@link ClusterChanges}) on PostgreSQL: one connection of its own
 * LISTENs, and each notice is published as a {@link ClusterNotice}: the rendered feeds it names are dropped, partner
 * keys reloaded, or the embargo timer re-aimed by those who keep them.
 *
 * <p>Never stale: versions follow commit order, so a notice whose version is not the next one means one was
 * missed, and every cached feed goes. While the connection is down (or applying a notice failed), feeds are
 * rendered for each request and not cached; once it is back, every cached feed goes, since what happened
 * meanwhile is unknown.
 */
@Singleton
public class ChangeListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    /** How long one wait for notices lasts; the connection is checked every few of them. */
    private static final int WAIT_MILLIS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    /** What the health endpoint reports. */
    public enum State {
        /** H2: one instance, nothing to listen to. */
        SINGLE_INSTANCE,
        CONNECTING,
        LISTENING,
        DISCONNECTED
    }

    private final ClusterChanges changes;
    private final ApplicationEventPublisher<ClusterNotice> events;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile State state;
    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread thread;
    /** The last version applied, or -1 before the first connection. Only the listening thread touches it. */
    private long applied = -1;

    public ChangeListener(ClusterChanges changes, ApplicationEventPublisher<ClusterNotice> events,
                          Database database, @Value("${datasources.default.url}") String url,
                          @Value("${datasources.default.username:}") String username,
                          @Value("${datasources.default.password:}") String password) {
        this.changes = changes;
        this.events = events;
        this.url = url;
        credentials.setProperty("user", username);
        credentials.setProperty("password", password);
        credentials.setProperty("ApplicationName", "broadsheet-listener");
        // a connection that died without a reset (a failover, a partition) must fail, not hang: waits for notices
        // are 500 ms, and every 5 s a query goes round
        credentials.setProperty("socketTimeout", "15");
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("connectTimeout", "10");
        credentials.setProperty("loginTimeout", "10");
        this.state = database.isPostgres() ? State.CONNECTING : State.SINGLE_INSTANCE;
    }

    public State state() {
        return state;
    }

    /** Listens before the first request is served: the first connection is made here, on the starting thread. */
    @EventListener
    public void onStartup(StartupEvent event) {
        if (state == State.SINGLE_INSTANCE || thread != null) {
            return;
        }
        Connection first = null;
        try {
            first = connect();
        } catch (SQLException | RuntimeException e) {
            disconnected(e);
        }
        Connection initial = first;
        thread = new Thread(() -> run(initial), "change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Until the service stops: whatever fails (the connection, or applying a notice), it reconnects and drops. */
    private void run(Connection initial) {
        Connection current = initial;
        while (running) {
            try {
                if (current == null) {
                    sleep(RECONNECT_AFTER);
                    current = connect();
                }
                listen(current);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    disconnected(e);
                }
            } finally {
                close(current);
                current = null;
            }
        }
    }

    /**
     * Opens the listening connection. Whatever happened while nobody listened (or before the first connection,
     * or on a database that failed over to a standby at the same version) is unknown: every cached feed goes.
     */
    private Connection connect() throws SQLException {
        Connection opened = DriverManager.getConnection(url, credentials);
        try {
            NoticeRepository.listen(opened);
            long version = NoticeRepository.version(opened);
            dropEverything();
            if (applied >= 0) {
                LOG.info("Change listener: listening again (version {}, was {})", version, applied);
            }
            applied = version;
        } catch (SQLException | RuntimeException e) {
            close(opened);
            throw e;
        }
        connection = opened;
        state = State.LISTENING;
        events.publishEvent(ClusterNotice.of(ClusterNotice.What.LISTENING));
        return opened;
    }

    private void listen(Connection listening) throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (running) {
            PGNotification[] notices = pg.getNotifications(WAIT_MILLIS);
            if (notices != null) {
                for (PGNotification notification : notices) {
                    apply(Notice.decode(notification.getParameter()));
                }
            }
            if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                NoticeRepository.version(listening); // a dead connection fails here rather than waiting silently
                checked = System.nanoTime();
            }
        }
    }

    private void apply(Notice notice) {
        if (notice == null || notice.version() <= applied) {
            return; // already covered: it committed before the version read at connection
        }
        if (notice.version() != applied + 1) {
            LOG.warn("Change listener: version {} follows {}; dropping every cached feed", notice.version(), applied);
            dropEverything();
        } else if (notice.kind() == Notice.Kind.KEYS) {
            // this instance's own key changes too: a reload that raced its commit may have read the keys before it
            events.publishEvent(ClusterNotice.of(ClusterNotice.What.KEYS_CHANGED));
        } else if (!notice.instance().equals(changes.instance())) {
            if (notice.kind() == Notice.Kind.ALL) {
                dropEverything();
            } else {
                events.publishEvent(new ClusterNotice(ClusterNotice.What.FEEDS_CHANGED, notice.feeds()));
            }
        }
        applied = notice.version();
    }

    private void dropEverything() {
        events.publishEvent(ClusterNotice.of(ClusterNotice.What.EVERYTHING_CHANGED));
    }

    private void disconnected(Exception e) {
        // nothing would tell this instance of a change: feeds are rendered per request until the connection is back
        events.publishEvent(ClusterNotice.of(ClusterNotice.What.NOT_LISTENING));
        if (state != State.DISCONNECTED) {
            LOG.warn("Change listener: connection lost ({}); feeds are not cached until it is back", e.getMessage());
        }
        state = State.DISCONNECTED;
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // already gone
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            close(connection);
            try {
                listening.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
