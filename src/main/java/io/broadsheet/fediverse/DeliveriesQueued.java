package io.broadsheet.fediverse;

/**
 * Deliveries were queued in the current transaction; once it commits, this instance's {@link Deliverer} looks at
 * once rather than at its next poll.
 *
 * @param feed the feed whose activity was queued
 */
public record DeliveriesQueued(String feed) {
}
