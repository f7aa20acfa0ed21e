package io.broadsheet.feed;

import java.time.Instant;

/**
 * Embargoes lifted: the articles published in (from, through] became visible in their feeds. Published inside the
 * transaction that counted them ({@link FeedIndex#apply}: a write, or the release timer), once across instances.
 *
 * @param from    the instant counted through before (exclusive)
 * @param through the instant counted through now (inclusive)
 */
public record EmbargoesLifted(Instant from, Instant through) {
}
