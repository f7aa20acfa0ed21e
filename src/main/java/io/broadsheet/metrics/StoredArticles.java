package io.broadsheet.metrics;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * How many articles the database holds, embargoed ones included: the count of feed {@code all} that every write
 * keeps in {@code feed_count} (see the V4 migration), read by primary key at most every {@link #MAX_AGE}, so a
 * scrape never counts the article table.
 */
@Singleton
class StoredArticles {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final String SQL = "SELECT total FROM feed_count WHERE feed = 'all'";

    private final TransactionOperations<Connection> transactions;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    StoredArticles(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The last count read, read again if older than {@link #MAX_AGE}; NaN while the database cannot answer. */
    synchronized double count() {
        long now = System.nanoTime();
        if (!read || now - readAt > MAX_AGE.toNanos()) {
            value = query();
            readAt = now;
            read = true;
        }
        return value;
    }

    private double query() {
        try {
            return transactions.executeRead(status -> {
                try (PreparedStatement statement = status.getConnection().prepareStatement(SQL);
                     ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0.0;
                }
            });
        } catch (RuntimeException e) {
            // a gauge that cannot be read is NaN for Prometheus; the database's own state is /health's to report
            return Double.NaN;
        }
    }
}
