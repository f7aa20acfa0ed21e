package io.broadsheet.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import static io.broadsheet.config.SettingRules.text;

/**
 * Where Broadsheet keeps its files ({@code broadsheet.data-dir}): the default H2 database ({@code datasources.default.url}
 * in {@code application.yml}, which also holds the default) and the generated admin token.
 *
 * @param dataDir the folder of the H2 database and the generated admin token
 */
@Context
@ConfigurationProperties("broadsheet")
public record StorageSettings(String dataDir) {

    public StorageSettings {
        text("broadsheet.data-dir", dataDir);
    }
}
