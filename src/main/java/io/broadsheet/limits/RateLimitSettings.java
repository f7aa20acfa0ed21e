package io.broadsheet.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import static io.broadsheet.config.SettingRules.atLeast;

/**
 * Each client address's token bucket ({@code broadsheet.rate-limit.*}, for {@link ClientRateLimiter}); the defaults
 * and what each does are in {@code application.yml}.
 *
 * @param requestsPerSecond the bucket's refill rate; 0 turns the limit off
 * @param burst             the bucket's size
 * @param maxClients        buckets kept at most
 */
@Context
@ConfigurationProperties("broadsheet.rate-limit")
public record RateLimitSettings(double requestsPerSecond, int burst, int maxClients) {

    public RateLimitSettings {
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("broadsheet.rate-limit.requests-per-second"
                    + " (BROADSHEET_RATE_LIMIT_REQUESTS_PER_SECOND) must be 0 (no limit) or more, got " + requestsPerSecond);
        }
        atLeast("broadsheet.rate-limit.burst", burst, 1);
        atLeast("broadsheet.rate-limit.max-clients", maxClients, 1);
    }
}
