package io.broadsheet.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedsConfigLoaderTest {

    private static final String SITE = """
            site:
              title: T
              description: D
              base-url: https://news.example.com/
            """;

    @TempDir
    Path dir;

    private FeedsConfig load(String yaml) throws IOException {
        Files.writeString(dir.resolve("broadsheet.yml"), yaml);
        return FeedsConfigLoader.load(dir, null);
    }

    private String problem(String yaml) throws IOException {
        Files.writeString(dir.resolve("broadsheet.yml"), yaml);
        return assertThrows(ConfigException.class, () -> FeedsConfigLoader.load(dir, null)).getMessage();
    }

    @Test
    void minimalFileGetsDefaults() throws IOException {
        FeedsConfig config = load(SITE);
        assertEquals("https://news.example.com", config.site().baseUrl());
        assertEquals("news.example.com", config.site().idAuthority());
        assertEquals("2022", config.site().idDate());
        assertEquals("en", config.site().language());
        assertEquals(50, config.defaultLimit());
        assertEquals(ContentMode.FULL, config.defaultContent());
    }

    @Test
    void namedFeedsKeepTheirOrderAndInheritDefaults() throws IOException {
        FeedsConfig config = load(SITE + """
                defaults: {limit: 10, content: summary}
                feeds:
                  b-feed: {title: B, categories: [world], tags: [NATO]}
                  a-feed: {title: A, limit: 3, content: full}
                """);
        assertEquals(List.of("b-feed", "a-feed"), List.copyOf(config.feeds().keySet()));
        FeedDefinition b = config.namedFeed("b-feed").orElseThrow();
        assertEquals(10, b.limit());
        assertEquals(ContentMode.SUMMARY, b.content());
        assertEquals(List.of("world"), b.categories());
        assertEquals(3, config.namedFeed("a-feed").orElseThrow().limit());
    }

    @Test
    void baseUrlOverrideWins() throws IOException {
        Files.writeString(dir.resolve("broadsheet.yml"), SITE);
        assertEquals("https://other.example.org", FeedsConfigLoader.load(dir, "https://other.example.org/").site().baseUrl());
    }

    @Test
    void missingFileNamesTheFile() {
        String message = assertThrows(ConfigException.class, () -> FeedsConfigLoader.load(dir, null)).getMessage();
        assertEquals(dir.resolve("broadsheet.yml") + ": (file): not found; set BROADSHEET_CONFIG_DIR to the folder that holds broadsheet.yml", message);
    }

    @Test
    void problemsNameTheFileTheKeyAndTheProblem() throws IOException {
        String file = dir.resolve("broadsheet.yml").toString();
        assertEquals(file + ": site: is required", problem("defaults: {limit: 5}\n"));
        assertEquals(file + ": site.base-url: must be an absolute http or https URL, got 'news.example.com'",
                problem(SITE.replace("https://news.example.com/", "news.example.com")));
        assertEquals(file + ": defaults.limit: must be a whole number from 1 to 1000, got 'many'",
                problem(SITE + "defaults: {limit: many}\n"));
        assertEquals(file + ": feeds.x.content: must be 'full' or 'summary', got 'all'",
                problem(SITE + "feeds:\n  x: {title: X, content: all}\n"));
        assertEquals(file + ": feeds.x.title: is required", problem(SITE + "feeds:\n  x: {limit: 3}\n"));
        assertEquals(file + ": feeds.x.categories[1]: 'Not A Slug' is not a category slug ([a-z0-9]+(-[a-z0-9]+)*)",
                problem(SITE + "feeds:\n  x: {title: X, categories: [ok, Not A Slug]}\n"));
        assertEquals(file + ": feeds.Bad: a feed name is lower-case letters, digits and single hyphens",
                problem(SITE + "feeds:\n  Bad: {title: X}\n"));
        assertEquals(file + ": site.colour: unknown key; expected one of [author, base-url, copyright, description, icon, id-authority, id-date, language, title]",
                problem(SITE + "  colour: red\n"));
        assertEquals(file + ": site.id-date: must be a date like 2022 or 2022-03-17 (RFC 4151), got 'March'",
                problem(SITE + "  id-date: March\n"));
    }

    @Test
    void unreadableYamlNamesTheFile() throws IOException {
        String message = problem("site: [unclosed\n");
        assertEquals(true, message.startsWith(dir.resolve("broadsheet.yml") + ": not readable YAML:"), message);
    }
}
