package io.broadsheet.config;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

import java.nio.file.Path;

/** Loads {@code feeds-config/} once, at start-up, so that a bad file stops the service before it serves. */
@Factory
public class ConfigFactory {

    @Context
    public FeedsConfig feedsConfig(FeedsConfigSettings settings) {
        return FeedsConfigLoader.load(Path.of(settings.configDir()), settings.site().baseUrl(), settings.websub().hubs());
    }
}
