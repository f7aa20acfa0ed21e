package io.broadsheet.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.atLeast;
import static io.broadsheet.config.SettingRules.notNegative;

/**
 * How many renders read the database at once ({@code broadsheet.renders.*}, for {@link RenderSlots}); the defaults
 * and what each does are in {@code application.yml}.
 *
 * @param maxConcurrent renders at once; 0 is one a core
 * @param maxWaiting    requests that may wait for a slot; any more are refused at once
 * @param slotWait      how long a request waits for a slot ({@code wait}: a record cannot have a component of
 *                      that name)
 */
@Context
@ConfigurationProperties("broadsheet.renders")
public record RenderSettings(int maxConcurrent, int maxWaiting,
                             @Property(name = "broadsheet.renders.wait") Duration slotWait) {

    public RenderSettings {
        atLeast("broadsheet.renders.max-concurrent", maxConcurrent, 0);
        atLeast("broadsheet.renders.max-waiting", maxWaiting, 0);
        notNegative("broadsheet.renders.wait", slotWait);
    }
}
