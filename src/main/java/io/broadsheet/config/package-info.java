/**
 * {@code feeds-config/broadsheet.yml}: immutable records validated once at start-up, every problem reported as
 * {@code <file>: <key>: <problem>}. Read {@link io.broadsheet.config.FeedsConfigLoader} first; {@link
 * io.broadsheet.config.YamlMapping} is its typed view of the file. Also the rules every {@code broadsheet.*}
 * settings record checks its values with ({@link io.broadsheet.config.SettingRules}); the records themselves live in
 * the packages they configure, and {@code docs/configuration.md} lists them.
 */
package io.broadsheet.config;
