package io.broadsheet.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.positive;

/**
 * How long a stop may take ({@code broadsheet.shutdown-deadline}, for {@link ShutdownDeadline}); the default and what
 * it does are in {@code application.yml}.
 *
 * @param shutdownDeadline from SIGTERM, the longest the process takes to stop before it is halted
 */
@Context
@ConfigurationProperties("broadsheet")
public record ShutdownSettings(Duration shutdownDeadline) {

    public ShutdownSettings {
        positive("broadsheet.shutdown-deadline", shutdownDeadline);
    }
}
