package io.broadsheet.metrics;

import io.broadsheet.storage.FeedCounts;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;

/**
 * How many articles the database holds, embargoed ones included: the count of feed {@code all} that every write
 * keeps in {@code feed_count} ({@link FeedCounts}), read at most every {@link #MAX_AGE}, so a scrape never counts
 * the article table.
 */
@Singleton
class StoredArticles {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private final TransactionOperations<Connection> transactions;
    private final FeedCounts counts;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    StoredArticles(TransactionOperations<Connection> transactions, FeedCounts counts) {
        this.transactions = transactions;
        this.counts = counts;
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
            return transactions.executeRead(status -> (double) counts.total(FeedCounts.ALL));
        } catch (RuntimeException e) {
            // a gauge that cannot be read is NaN for Prometheus; the database's own state is /health's to report
            return Double.NaN;
        }
    }
}
