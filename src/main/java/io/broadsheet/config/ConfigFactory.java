package io.broadsheet.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;

/** Loads {@code feeds-config/} once, at start-up, so that a bad file stops the service before it serves. */
@Factory
public class ConfigFactory {

    @Context
    public FeedsConfig feedsConfig(@Value("${broadsheet.config-dir:./feeds-config}") String configDir,
                                   @Nullable @Value("${broadsheet.site.base-url:}") String baseUrl,
                                   @Nullable @Value("${broadsheet.websub.hubs:}") String hubs) {
        return FeedsConfigLoader.load(Path.of(configDir), baseUrl, hubs);
    }
}
