package io.broadsheet.feed.websub;

import io.broadsheet.notify.NotifySettings;
import io.broadsheet.notify.RetryingPoster;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.atLeast;
import static io.broadsheet.config.SettingRules.notNegative;

/**
 * When {@link WebSubPublisher} pings the hubs and how often it tries ({@code broadsheet.websub.*}; the hubs
 * themselves are {@code websub.hubs} of {@code feeds-config/broadsheet.yml}, or {@code broadsheet.websub.hubs}, read
 * with that file); the defaults and what each does are in {@code application.yml}.
 *
 * @param delay      how long changed feeds wait to be announced together
 * @param firstRetry the wait before a refused ping's second attempt; each later wait doubles
 * @param attempts   attempts per ping, the first one included
 */
@Context
@ConfigurationProperties("broadsheet.websub")
public record WebSubSettings(Duration delay, Duration firstRetry, int attempts) {

    public WebSubSettings {
        notNegative("broadsheet.websub.delay", delay);
        notNegative("broadsheet.websub.first-retry", firstRetry);
        atLeast("broadsheet.websub.attempts", attempts, 1);
    }

    /** The poster's settings: these, and the shutdown wait every notification shares. */
    RetryingPoster.Settings poster(NotifySettings notify) {
        return new RetryingPoster.Settings(delay, firstRetry, attempts, notify.shutdownWait());
    }
}
