package io.broadsheet.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.category.CategoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A wrong configuration file stops the service before it serves, naming the file, the key and the problem. */
@Tag("database")
class StartupConfigTest {

    @TempDir
    Path configDir;

    @Test
    void wrongKeyStopsStartUpWithFileKeyAndProblem() throws IOException {
        Files.writeString(configDir.resolve("broadsheet.yml"), """
                site: {title: T, description: D, base-url: https://news.example.com}
                feeds:
                  broken: {title: B, limit: -3}
                """);
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("StartupConfigTest"));
        properties.put("broadsheet.config-dir", configDir.toString());
        Throwable failure = assertThrows(Exception.class,
                () -> ApplicationContext.run(EmbeddedServer.class, properties, "test").close());
        String expected = configDir.resolve("broadsheet.yml") + ": feeds.broken.limit: must be a whole number from 1 to 1000, got '-3'";
        boolean found = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            found |= String.valueOf(t.getMessage()).contains(expected);
        }
        assertTrue(found, "expected '" + expected + "' in " + failure);
    }

    @Test
    void aNamedFeedWithAStoredCategorysSlugStopsStartUpNamingTheFeedAndTheCategory() throws IOException {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("StartupConfigTest-collision"));
        try (ApplicationContext first = ApplicationContext.run(properties, "test")) {
            first.getBean(CategoryService.class).describe("wire-desk", "Wire desk", null);
        }
        Files.writeString(configDir.resolve("broadsheet.yml"), """
                site: {title: T, description: D, base-url: https://news.example.com}
                feeds:
                  wire-desk: {title: Wire}
                """);
        properties.put("broadsheet.config-dir", configDir.toString());
        Throwable failure = assertThrows(Exception.class,
                () -> ApplicationContext.run(EmbeddedServer.class, properties, "test").close());
        String expected = configDir.resolve("broadsheet.yml") + ": feeds.wire-desk: the named feed 'wire-desk' has"
                + " the slug of the stored category 'wire-desk' (Wire desk)";
        boolean found = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            found |= String.valueOf(t.getMessage()).contains(expected);
        }
        assertTrue(found, "expected '" + expected + "' in " + failure);
    }
}
