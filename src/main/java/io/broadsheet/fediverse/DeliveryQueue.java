package io.broadsheet.fediverse;

import io.broadsheet.storage.DeliveryRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;

/** Outgoing activities and the deliveries they owe, stored in the caller's transaction. */
@Singleton
public class DeliveryQueue {

    private final DeliveryRepository deliveries;
    private final Clock clock;

    public DeliveryQueue(DeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** In the caller's transaction: the activity and one delivery per inbox (distinct), due now. */
    public void enqueue(String feed, String activityId, String kind, String body, Collection<String> inboxes) {
        long activity = deliveries.insertActivity(feed, activityId, kind, body, clock.instant());
        for (String inbox : new LinkedHashSet<>(inboxes)) {
            deliveries.insertDelivery(activity, inbox, clock.instant());
        }
    }
}
