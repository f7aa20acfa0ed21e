package io.broadsheet.config;

import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting is read from its BROADSHEET_* environment variable, as Micronaut maps one (a property source of the
 * environment's convention and precedence), and a wrong one stops the start naming the key and the variable.
 */
@Tag("database")
class SettingsFromTheEnvironmentTest {

    @TempDir
    Path configDir;

    @Test
    void everySettingTakesTheValueOfItsEnvironmentVariable() throws IOException {
        Map<String, String> database = TestDatabase.freshProperties("SettingsFromTheEnvironmentTest");
        Map<String, Object[]> variables = variables(database.get("broadsheet.data-dir"));
        Map<String, Object> environment = new HashMap<>();
        variables.forEach((name, textAndValue) -> environment.put(name, textAndValue[0]));
        List<String> wrong = new ArrayList<>();
        try (ApplicationContext context = start(environment, database)) {
            for (SettingsRecords.Setting setting : SettingsRecords.all()) {
                String variable = SettingRules.environmentVariable(setting.key());
                Object[] expected = variables.get(variable);
                Object actual = value(context, setting);
                if (expected == null || !expected[1].equals(actual)) {
                    wrong.add(variable + ": expected " + (expected == null ? "a value in this test" : expected[1])
                            + ", got " + actual);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "expected each setting from its variable, got: " + wrong);
    }

    @Test
    void aWrongValueStopsTheStartNamingTheKeyAndTheVariable() {
        String expected = "broadsheet.renders.max-waiting (BROADSHEET_RENDERS_MAX_WAITING) must be 0 or more, got -1";
        assertStartFails(Map.of("BROADSHEET_RENDERS_MAX_WAITING", "-1"), "WrongValue", expected);
    }

    @Test
    void aTextThatIsNoDurationStopsTheStartNamingTheKey() {
        assertStartFails(Map.of("BROADSHEET_RENDERS_WAIT", "soon"), "NoDuration", "broadsheet.renders.wait");
    }

    @Test
    void aTextThatIsNoNumberStopsTheStartNamingTheKey() {
        assertStartFails(Map.of("BROADSHEET_RATE_LIMIT_BURST", "lots"), "NoNumber", "broadsheet.rate-limit.burst");
    }

    private void assertStartFails(Map<String, Object> environment, String name, String expected) {
        Map<String, String> database = TestDatabase.freshProperties("SettingsFromTheEnvironmentTest-" + name);
        Throwable failure = assertThrows(Throwable.class, () -> start(environment, database).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(expected), "expected '" + expected + "' in:\n" + messages);
    }

    /** A context as the service's (no test environment), with these variables as the process's environment. */
    private static ApplicationContext start(Map<String, Object> variables, Map<String, String> database) {
        Map<String, Object> properties = new HashMap<>(database);
        Map<String, Object> environment = new HashMap<>(Map.of(
                "BROADSHEET_DATA_DIR", properties.remove("broadsheet.data-dir"),
                "BROADSHEET_CONFIG_DIR", "src/test/resources/test-feeds-config",
                "BROADSHEET_SAMPLE_DATA", "false"));
        environment.putAll(variables);
        return ApplicationContext.builder()
                .properties(properties)
                .propertySources(new EnvironmentVariables(environment))
                .deduceEnvironment(false)
                .start();
    }

    private static Object value(ApplicationContext context, SettingsRecords.Setting setting) {
        try {
            Object owner = context.getBean(setting.owner());
            return setting.component().getAccessor().invoke(owner);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each variable: its text, and the value its setting must then hold (none of them a default). */
    private Map<String, Object[]> variables(String dataDir) throws IOException {
        Files.copy(Path.of("src/test/resources/test-feeds-config/broadsheet.yml"), configDir.resolve("broadsheet.yml"));
        Map<String, Object[]> v = new HashMap<>();
        v.put("BROADSHEET_PORT", new Object[] {"18571", 18571});
        v.put("BROADSHEET_IDLE_TIMEOUT", new Object[] {"45s", Duration.ofSeconds(45)});
        v.put("BROADSHEET_REQUEST_HEAD_TIMEOUT", new Object[] {"7s", Duration.ofSeconds(7)});
        v.put("BROADSHEET_ACCESS_LOG", new Object[] {"true", true});
        v.put("BROADSHEET_FAST_PATH", new Object[] {"false", false});
        v.put("BROADSHEET_BROWSER_VIEW", new Object[] {"false", false});
        v.put("BROADSHEET_ADMIN_TOKEN", new Object[] {"env-admin-token-of-at-least-32-chars", "env-admin-token-of-at-least-32-chars"});
        v.put("BROADSHEET_TOKEN_GUESSES_PER_ADDRESS", new Object[] {"11", 11});
        v.put("BROADSHEET_TOKEN_GUESSES_WINDOW", new Object[] {"14m", Duration.ofMinutes(14)});
        v.put("BROADSHEET_TOKEN_GUESSES_GLOBAL", new Object[] {"101", 101});
        v.put("BROADSHEET_TOKEN_GUESSES_GLOBAL_WINDOW", new Object[] {"2m", Duration.ofMinutes(2)});
        v.put("BROADSHEET_TOKEN_GUESSES_MAX_ADDRESSES", new Object[] {"10001", 10001});
        v.put("BROADSHEET_TOKEN_GUESSES_FAILURE_DELAY", new Object[] {"2s", Duration.ofSeconds(2)});
        v.put("BROADSHEET_TRUSTED_PROXIES", new Object[] {"10.0.0.0/8,192.0.2.7", "10.0.0.0/8,192.0.2.7"});
        v.put("BROADSHEET_RATE_LIMIT_REQUESTS_PER_SECOND", new Object[] {"2.5", 2.5});
        v.put("BROADSHEET_RATE_LIMIT_BURST", new Object[] {"201", 201});
        v.put("BROADSHEET_RATE_LIMIT_MAX_CLIENTS", new Object[] {"50001", 50001});
        v.put("BROADSHEET_RENDERS_MAX_CONCURRENT", new Object[] {"3", 3});
        v.put("BROADSHEET_RENDERS_MAX_WAITING", new Object[] {"17", 17});
        v.put("BROADSHEET_RENDERS_WAIT", new Object[] {"250ms", Duration.ofMillis(250)});
        v.put("BROADSHEET_PAGING_MAX_PAGE", new Object[] {"21", 21});
        v.put("BROADSHEET_FEED_CACHE_MIB", new Object[] {"33", 33});
        v.put("BROADSHEET_ITEM_CACHE_MIB", new Object[] {"17", 17});
        v.put("BROADSHEET_DELTA_HISTORY", new Object[] {"6d", Duration.ofDays(6)});
        v.put("BROADSHEET_CONFIG_DIR", new Object[] {configDir.toString(), configDir.toString()});
        v.put("BROADSHEET_SITE_BASE_URL", new Object[] {"https://env.example.com", "https://env.example.com"});
        v.put("BROADSHEET_WEBSUB_HUBS", new Object[] {"https://hub.example.com/", "https://hub.example.com/"});
        v.put("BROADSHEET_DATA_DIR", new Object[] {dataDir, dataDir});
        v.put("BROADSHEET_SAMPLE_DATA", new Object[] {"false", false});
        v.put("BROADSHEET_WEBSUB_DELAY", new Object[] {"4s", Duration.ofSeconds(4)});
        v.put("BROADSHEET_WEBSUB_FIRST_RETRY", new Object[] {"3s", Duration.ofSeconds(3)});
        v.put("BROADSHEET_WEBSUB_ATTEMPTS", new Object[] {"7", 7});
        v.put("BROADSHEET_CDN_DELAY", new Object[] {"5s", Duration.ofSeconds(5)});
        v.put("BROADSHEET_CDN_FIRST_RETRY", new Object[] {"6s", Duration.ofSeconds(6)});
        v.put("BROADSHEET_CDN_ATTEMPTS", new Object[] {"8", 8});
        v.put("BROADSHEET_NOTIFY_SHUTDOWN_WAIT", new Object[] {"4s", Duration.ofSeconds(4)});
        v.put("BROADSHEET_SHUTDOWN_DEADLINE", new Object[] {"31s", Duration.ofSeconds(31)});
        v.put("BROADSHEET_SITEMAPS_PAGE_SIZE", new Object[] {"40000", 40000});
        v.put("BROADSHEET_SITEMAPS_CACHE_MIB", new Object[] {"9", 9});
        v.put("BROADSHEET_FEDIVERSE_ALLOW_PRIVATE_ADDRESSES", new Object[] {"true", true});
        v.put("BROADSHEET_FEDIVERSE_FIRST_RETRY", new Object[] {"2s", Duration.ofSeconds(2)});
        v.put("BROADSHEET_FEDIVERSE_GIVE_UP_AFTER", new Object[] {"12h", Duration.ofHours(12)});
        v.put("BROADSHEET_FEDIVERSE_DELIVERY_CONCURRENCY", new Object[] {"5", 5});
        v.put("BROADSHEET_FEDIVERSE_DELIVERY_TIMEOUT", new Object[] {"7s", Duration.ofSeconds(7)});
        v.put("BROADSHEET_FEDIVERSE_INBOX_MAX_BYTES", new Object[] {"65536", 65536});
        v.put("BROADSHEET_FEDIVERSE_KEY_CACHE_SIZE", new Object[] {"77", 77});
        v.put("BROADSHEET_FEDIVERSE_FETCH_CONCURRENCY", new Object[] {"3", 3});
        v.put("BROADSHEET_FEDIVERSE_MAX_INBOXES_PER_DOMAIN", new Object[] {"250", 250});
        return v;
    }

    /** The process environment as Micronaut reads it: BROADSHEET_RATE_LIMIT_BURST is broadsheet.rate-limit.burst. */
    private static final class EnvironmentVariables extends MapPropertySource {

        EnvironmentVariables(Map<String, Object> variables) {
            super("test-environment-variables", variables);
        }

        @Override
        public int getOrder() {
            return EnvironmentPropertySource.POSITION;
        }

        @Override
        public PropertySource.PropertyConvention getConvention() {
            return PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE;
        }
    }
}
