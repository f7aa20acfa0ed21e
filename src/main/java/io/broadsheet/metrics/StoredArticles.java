package io.broadsheet.metrics;

import io.broadsheet.storage.FeedCounts;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * How many articles the database holds, embargoed ones included: the count of feed {@code all} that every write
 * keeps in {@code feed_count} ({@link FeedCounts}), read at most every {@link KeptCount#MAX_AGE}, so a scrape never
 * counts the article table.
 */
@Singleton
class StoredArticles {

    private final KeptCount count;

    StoredArticles(TransactionOperations<Connection> transactions, FeedCounts counts) {
        this.count = new KeptCount(transactions, () -> counts.total(FeedCounts.ALL));
    }

    /** The last count read; NaN while the database cannot answer. */
    double count() {
        return count.value();
    }
}
