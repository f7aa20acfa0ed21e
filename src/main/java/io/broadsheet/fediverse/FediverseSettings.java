package io.broadsheet.fediverse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.atLeast;
import static io.broadsheet.config.SettingRules.positive;

/**
 * Following from the fediverse ({@code broadsheet.fediverse.*}); the defaults and what they do are in
 * {@code application.yml}.
 *
 * @param allowPrivateAddresses whether remote actors and inboxes may be at private, loopback or link-local addresses
 *                              (only for tests on one machine: otherwise the service could be made to reach into the
 *                              network it runs in)
 * @param firstRetry            the wait before the first retry of a failed delivery; each further one waits twice as long
 * @param giveUpAfter           how long a delivery is retried before it is given up
 * @param deliveryConcurrency   deliveries in flight at once, per instance
 * @param deliveryTimeout       the longest a delivery or a remote actor fetch may take
 * @param inboxMaxBytes         the largest body an inbox accepts
 * @param keyCacheSize          remote actors' public keys kept in memory
 * @param fetchConcurrency      remote actor fetches at once, per instance; an inbox request beyond them is answered 503
 * @param maxInboxesPerDomain   distinct delivery inboxes one remote domain may have among the followers: without a cap,
 *                              one server could make 50,000 actors, each with its own inbox, and have every article
 *                              cost 50,000 deliveries (a follower delivered to a known shared inbox is always taken)
 */
@Context
@ConfigurationProperties("broadsheet.fediverse")
public record FediverseSettings(boolean allowPrivateAddresses, Duration firstRetry, Duration giveUpAfter,
                                int deliveryConcurrency, Duration deliveryTimeout, int inboxMaxBytes,
                                int keyCacheSize, int fetchConcurrency, int maxInboxesPerDomain) {

    public FediverseSettings {
        positive("broadsheet.fediverse.first-retry", firstRetry);
        positive("broadsheet.fediverse.give-up-after", giveUpAfter);
        atLeast("broadsheet.fediverse.delivery-concurrency", deliveryConcurrency, 1);
        positive("broadsheet.fediverse.delivery-timeout", deliveryTimeout);
        atLeast("broadsheet.fediverse.inbox-max-bytes", inboxMaxBytes, 1024);
        atLeast("broadsheet.fediverse.key-cache-size", keyCacheSize, 1);
        atLeast("broadsheet.fediverse.fetch-concurrency", fetchConcurrency, 1);
        atLeast("broadsheet.fediverse.max-inboxes-per-domain", maxInboxesPerDomain, 1);
    }
}
