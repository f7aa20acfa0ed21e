package io.broadsheet.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.notNegative;

/**
 * What every {@link RetryingPoster} shares ({@code broadsheet.notify.*}); the default and what it does are in
 * {@code application.yml}.
 *
 * @param shutdownWait at shutdown, how long the notifications still queued or in flight are waited for
 */
@Context
@ConfigurationProperties("broadsheet.notify")
public record NotifySettings(Duration shutdownWait) {

    public NotifySettings {
        notNegative("broadsheet.notify.shutdown-wait", shutdownWait);
    }
}
