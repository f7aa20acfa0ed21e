package io.broadsheet.metrics;

import io.broadsheet.storage.DeliveryRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.time.Duration;

/**
 * The gauge {@code broadsheet_fediverse_deliveries_queued}: deliveries to fediverse inboxes still owed, every
 * instance's together, counted at most every {@link #MAX_AGE} so that a scrape does not count the queue each time.
 */
@Context
class QueuedDeliveries {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private final TransactionOperations<Connection> transactions;
    private final DeliveryRepository deliveries;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    QueuedDeliveries(PrometheusMeterRegistry registry, TransactionOperations<Connection> transactions,
                     DeliveryRepository deliveries) {
        this.transactions = transactions;
        this.deliveries = deliveries;
        Gauge.builder("broadsheet.fediverse.deliveries.queued", this, QueuedDeliveries::count)
                .description("Deliveries to fediverse inboxes queued, due or waiting for a retry (read at most every 5 s)")
                .strongReference(true)
                .register(registry);
    }

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
            return transactions.executeRead(status -> (double) deliveries.count());
        } catch (RuntimeException e) {
            // a gauge that cannot be read is NaN for Prometheus; the database's own state is /health's to report
            return Double.NaN;
        }
    }
}
