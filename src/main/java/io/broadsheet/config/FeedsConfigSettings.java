package io.broadsheet.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

import static io.broadsheet.config.SettingRules.text;

/**
 * Where {@code broadsheet.yml} is, and the two of its values the environment may replace ({@code
 * broadsheet.config-dir}, {@code broadsheet.site.base-url}, {@code broadsheet.websub.hubs}), for {@link
 * ConfigFactory}; the default and what each does are in {@code application.yml}.
 *
 * @param configDir the folder of {@code broadsheet.yml}
 * @param site      replaces the file's {@code site.base-url} when set
 * @param websub    replaces the file's {@code websub.hubs} when set
 */
@Context
@ConfigurationProperties("broadsheet")
public record FeedsConfigSettings(String configDir, Site site, WebSub websub) {

    public FeedsConfigSettings {
        text("broadsheet.config-dir", configDir);
    }

    /** @param baseUrl the absolute base of every link, or null: the file's */
    @ConfigurationProperties("site")
    public record Site(@Nullable String baseUrl) {
    }

    /** @param hubs comma-separated WebSub hub URLs, or null: the file's list */
    @ConfigurationProperties("websub")
    public record WebSub(@Nullable String hubs) {
    }
}
