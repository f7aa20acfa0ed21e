package io.broadsheet.metrics;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A count a gauge shows, read from the database at most every {@link #MAX_AGE} so that a scrape does not run its
 * query each time; NaN while the database cannot answer.
 */
final class KeptCount {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private final TransactionOperations<Connection> transactions;
    private final LongSupplier query;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    KeptCount(TransactionOperations<Connection> transactions, LongSupplier query) {
        this.transactions = transactions;
        this.query = query;
    }

    /** The last count read, read again if older than {@link #MAX_AGE}. */
    synchronized double value() {
        long now = System.nanoTime();
        if (!read || now - readAt > MAX_AGE.toNanos()) {
            value = read();
            readAt = now;
            read = true;
        }
        return value;
    }

    private double read() {
        try {
            return transactions.executeRead(status -> (double) query.getAsLong());
        } catch (RuntimeException e) {
            // a gauge that cannot be read is NaN for Prometheus; the database's own state is /health's to report
            return Double.NaN;
        }
    }
}
