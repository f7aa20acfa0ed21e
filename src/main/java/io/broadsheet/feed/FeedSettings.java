package io.broadsheet.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import java.time.Duration;

import static io.broadsheet.config.SettingRules.atLeast;
import static io.broadsheet.config.SettingRules.notNegative;

/**
 * What rendered feeds keep in memory and in the database ({@code broadsheet.feed-cache-mib},
 * {@code broadsheet.item-cache-mib}, {@code broadsheet.delta-history}); the defaults and what each does are in
 * {@code application.yml}.
 *
 * @param feedCacheMib MiB of rendered feeds kept by {@link FeedCache}, all feeds together
 * @param itemCacheMib MiB of assembled items kept by {@link ItemCache}
 * @param deltaHistory how long a first page's validator stays a base for RFC 3229 deltas ({@link FeedVersions})
 */
@Context
@ConfigurationProperties("broadsheet")
public record FeedSettings(int feedCacheMib, int itemCacheMib, Duration deltaHistory) {

    public FeedSettings {
        atLeast("broadsheet.feed-cache-mib", feedCacheMib, 0);
        atLeast("broadsheet.item-cache-mib", itemCacheMib, 0);
        notNegative("broadsheet.delta-history", deltaHistory);
    }
}
