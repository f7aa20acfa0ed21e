package io.broadsheet.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The fediverse tables as a test sets them up and reads them, through the running service's own data source:
 * followers added as an accepted Follow would add them, and the deliveries still queued.
 */
public final class FediverseRows {

    private FediverseRows() {
    }

    /** A follower of {@code feed} whose deliveries go to {@code deliveryInbox}, following since {@code followedAt}. */
    public static void addFollower(ApplicationContext context, String feed, String actor, String deliveryInbox,
                                   Instant followedAt) {
        write(context, "INSERT INTO fediverse_follower (feed, actor, inbox, shared_inbox, delivery_inbox, domain,"
                + " follow_id, followed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", feed, actor, deliveryInbox, null,
                deliveryInbox, URI.create(actor).getHost(), actor + "#follow", followedAt.atOffset(ZoneOffset.UTC));
    }

    /** The followers {@code feed} has. */
    public static long followers(ApplicationContext context, String feed) {
        return count(context, "SELECT COUNT(*) FROM fediverse_follower WHERE feed = ?", feed);
    }

    /** Deliveries queued, every feed's. */
    public static long queued(ApplicationContext context) {
        return count(context, "SELECT COUNT(*) FROM fediverse_delivery");
    }

    /** Activities stored (their rows go with their last delivery). */
    public static long activities(ApplicationContext context) {
        return count(context, "SELECT COUNT(*) FROM fediverse_activity");
    }

    /** Notes a feed's followers were sent a Create of and not a Delete. */
    public static long notes(ApplicationContext context, String feed) {
        return count(context, "SELECT COUNT(*) FROM fediverse_note WHERE feed = ?", feed);
    }

    private static long count(ApplicationContext context, String sql, Object... params) {
        return transactions(context).executeRead(status -> context.getBean(JdbcOperations.class).prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private static void write(ApplicationContext context, String sql, Object... params) {
        transactions(context).executeWrite(status -> context.getBean(JdbcOperations.class).prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }));
    }

    @SuppressWarnings("unchecked")
    private static TransactionOperations<Connection> transactions(ApplicationContext context) {
        return context.getBean(Argument.of(TransactionOperations.class, Connection.class));
    }
}
