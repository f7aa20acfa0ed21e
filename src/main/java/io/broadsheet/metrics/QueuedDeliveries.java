package io.broadsheet.metrics;

import io.broadsheet.storage.DeliveryRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;

/**
 * The gauge {@code broadsheet_fediverse_deliveries_queued}: deliveries to fediverse inboxes still owed, every
 * instance's together, counted at most every {@link KeptCount#MAX_AGE} so that a scrape does not count the queue each time.
 */
@Context
class QueuedDeliveries {

    private final KeptCount count;

    QueuedDeliveries(PrometheusMeterRegistry registry, TransactionOperations<Connection> transactions,
                     DeliveryRepository deliveries) {
        this.count = new KeptCount(transactions, deliveries::count);
        Gauge.builder("broadsheet.fediverse.deliveries.queued", this, QueuedDeliveries::count)
                .description("Deliveries to fediverse inboxes queued, due or waiting for a retry (read at most every 5 s)")
                .strongReference(true)
                .register(registry);
    }

    double count() {
        return count.value();
    }
}
