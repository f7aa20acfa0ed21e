package io.broadsheet.fediverse;

import io.broadsheet.storage.DeliveryRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Queues outgoing activities in the database, in the caller's transaction: the activity's row and one delivery per
 * inbox, due now. The {@link Deliverer} of whichever instance comes first sends them.
 */
@Singleton
public class DeliveryQueue {

    private final DeliveryRepository rows;
    private final ApplicationEventPublisher<DeliveriesQueued> queued;
    private final Clock clock;

    public DeliveryQueue(DeliveryRepository rows, ApplicationEventPublisher<DeliveriesQueued> queued, Clock clock) {
        this.rows = rows;
        this.queued = queued;
        this.clock = clock;
    }

    /** In the caller's transaction: the activity and one delivery per inbox (distinct), due now. */
    public void enqueue(String feed, String activityId, String kind, String body, Collection<String> inboxes) {
        Set<String> distinct = new LinkedHashSet<>(inboxes);
        if (distinct.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long activity = rows.insertActivity(feed, activityId, kind, body, now);
        rows.insertDeliveries(activity, distinct, now);
        queued.publishEvent(new DeliveriesQueued(feed));
    }

    /** In the caller's transaction: one delivery per distinct delivery_inbox of the feed's followers. */
    public void enqueueToFollowers(String feed, String activityId, String kind, String body) {
        Instant now = clock.instant();
        long activity = rows.insertActivity(feed, activityId, kind, body, now);
        if (rows.insertFollowerDeliveries(activity, feed, now) == 0) {
            rows.removeIfSettled(activity); // no follower: nothing owed
        } else {
            queued.publishEvent(new DeliveriesQueued(feed));
        }
    }
}
