package io.broadsheet.cdn;

import io.broadsheet.notify.NotifySettings;
import io.broadsheet.notify.RetryingPoster;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.atLeast;
import static io.broadsheet.config.SettingRules.notNegative;

/**
 * When {@link CdnPurger} sends purges and how often it tries ({@code broadsheet.cdn.*}; the webhook itself is in
 * {@code feeds-config/broadsheet.yml}); the defaults and what each does are in {@code application.yml}.
 *
 * @param delay      how long changed keys wait to be purged together
 * @param firstRetry the wait before a refused purge's second attempt; each later wait doubles
 * @param attempts   attempts per purge, the first one included
 */
@Context
@ConfigurationProperties("broadsheet.cdn")
public record CdnSettings(Duration delay, Duration firstRetry, int attempts) {

    public CdnSettings {
        notNegative("broadsheet.cdn.delay", delay);
        notNegative("broadsheet.cdn.first-retry", firstRetry);
        atLeast("broadsheet.cdn.attempts", attempts, 1);
    }

    /** The poster's settings: these, and the shutdown wait every notification shares. */
    RetryingPoster.Settings poster(NotifySettings notify) {
        return new RetryingPoster.Settings(delay, firstRetry, attempts, notify.shutdownWait());
    }
}
