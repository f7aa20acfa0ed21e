package io.broadsheet.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(file + ": feeds.all: 'all' is the built-in feed of every public article; give this feed another"
                + " name", problem(SITE + "feeds: {all: {title: Everything, access: partner}}\n"));
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
    void blockedFediverseDomainsBlockThemselvesAndTheirSubdomainsOnly() throws IOException {
        FeedsConfig config = load(SITE + "fediverse: {blocked-domains: [Spam.Example, bad.social]}\n");

        assertEquals(List.of("spam.example", "bad.social"), config.blockedDomains());
        assertTrue(config.blocksDomain("spam.example"), "the domain itself");
        assertTrue(config.blocksDomain("mastodon.SPAM.example"), "a subdomain, whatever its case");
        assertFalse(config.blocksDomain("notspam.example"), "a domain that only ends with the same letters");
        assertFalse(config.blocksDomain("mastodon.social"), "another domain");
        assertEquals(List.of(), load(SITE).blockedDomains(), "none unless listed");
    }

    @Test
    void aBlockedDomainThatIsNoHostNameIsNamedWithItsIndex() throws IOException {
        String file = dir.resolve("broadsheet.yml").toString();
        assertEquals(file + ": fediverse.blocked-domains[1]: must be a host name such as spam.example (its subdomains"
                        + " are blocked too), got 'https://bad.social/'",
                problem(SITE + "fediverse: {blocked-domains: [ok.example, 'https://bad.social/']}\n"));
        assertEquals(file + ": fediverse.allow: unknown key; expected one of [blocked-domains]",
                problem(SITE + "fediverse: {allow: [x.example]}\n"));
    }

    @Test
    void everyKindOfValueNamesItsKeyPathWhenWrong() throws IOException {
        String file = dir.resolve("broadsheet.yml").toString();
        assertEquals(file + ": websub.hubs[1]: must be an absolute http or https URL, got 'hub.example.com'",
                problem(SITE + "websub: {hubs: [https://hub.example.com/, hub.example.com]}\n"));
        assertEquals(file + ": feeds.x.access: must be 'public' or 'partner', got 'secret'",
                problem(SITE + "feeds:\n  x: {title: X, access: secret}\n"));
        assertEquals(file + ": defaults.tombstone-days: must be a whole number of days from 1 to 3650, got '0'",
                problem(SITE + "defaults: {tombstone-days: 0}\n"));
        assertEquals(file + ": defaults.media-rss-1-5: must be true or false, got 'yes please'",
                problem(SITE + "defaults: {media-rss-1-5: yes please}\n"));
        assertEquals(file + ": feeds.x.max-age: must be a whole number of seconds from 0 to 86400, got '86401'",
                problem(SITE + "feeds:\n  x: {title: X, max-age: 86401}\n"));
        assertEquals(file + ": feeds.x.tags: must be a list", problem(SITE + "feeds:\n  x: {title: X, tags: NATO}\n"));
        assertEquals(file + ": feeds: must be a mapping of keys to values", problem(SITE + "feeds: [x]\n"));
        assertEquals(file + ": feeds: key '1' must be text", problem(SITE + "feeds: {1: {title: X}}\n"));
        assertEquals(file + ": site.language: must be non-empty text", problem(SITE + "  language:\n"));
    }

    @Test
    void aWrongHubFromTheEnvironmentIsNamedByItsVariable() throws IOException {
        Files.writeString(dir.resolve("broadsheet.yml"), SITE);
        String message = assertThrows(ConfigException.class,
                () -> FeedsConfigLoader.load(dir, null, "https://hub.example.com/, nope")).getMessage();
        assertEquals(dir.resolve("broadsheet.yml") + ": BROADSHEET_WEBSUB_HUBS: must be an absolute http or https URL,"
                + " got 'nope'", message);
    }

    @Test
    void titlesAndDescriptionsRefuseInvisibleAndForbiddenCharacters() throws IOException {
        String file = dir.resolve("broadsheet.yml").toString();
        assertEquals(file + ": feeds.x.title: contains U+202E (a bidirectional embedding, override or isolate) at index 4,"
                + " which plain text may not carry: it is invisible and changes how the text displays",
                problem(SITE + "feeds:\n  x: {title: \"Wire\\u202Egnp.exe\"}\n"));
        assertEquals(file + ": site.description: contains U+2028 (a line or paragraph separator) at index 1, which plain"
                + " text may not carry: it is invisible and changes how the text displays",
                problem(SITE.replace("description: D", "description: \"D\\u2028E\"")));
        assertEquals(file + ": feeds.x.description: contains U+0007 at index 1, a control character or non-character"
                + " that XML 1.0 forbids", problem(SITE + "feeds:\n  x: {title: X, description: \"a\\u0007\"}\n"));
        assertEquals("Wire \u200f", load(SITE + "feeds:\n  x: {title: \"Wire \\u200F\"}\n").feeds().get("x").title(),
                "a direction mark stays");
    }

    @Test
    void unreadableYamlNamesTheFile() throws IOException {
        String message = problem("site: [unclosed\n");
        assertEquals(true, message.startsWith(dir.resolve("broadsheet.yml") + ": not readable YAML:"), message);
    }

    private static final String PURGE = SITE + """
            cdn:
              purge:
                url: https://api.cdn.example/purge?zone=7
                headers: {Authorization: "Bearer purge-s3cret", X-Team: news}
            """;

    @Test
    void thePurgeWebhookIsOptionalAndKeepsItsHeadersInFileOrder() throws IOException {
        assertNull(load(SITE).purge());
        PurgeWebhook purge = load(PURGE).purge();
        assertEquals("https://api.cdn.example/purge?zone=7", purge.url().toString());
        assertEquals(List.of("Authorization", "X-Team"), List.copyOf(purge.headers().keySet()));
        assertEquals("Bearer purge-s3cret", purge.headers().get("Authorization"));
        assertEquals(PurgeBody.KEYS, purge.body());
        assertEquals(PurgeBody.CLOUDFLARE, load(PURGE + "    body: cloudflare\n").purge().body());
        assertEquals(PurgeBody.FASTLY, load(PURGE + "    body: fastly\n").purge().body());
    }

    @Test
    void thePurgeWebhookChangesNoFeedAndItsSecretsAreNeverPrinted() throws IOException {
        FeedsConfig with = load(PURGE);
        assertEquals(load(SITE).fingerprint(), with.fingerprint(), "a purge webhook alters no feed's Last-Modified");
        assertFalse(with.toString().contains("s3cret"), with.toString());
        assertFalse(with.toString().contains("zone=7"), with.toString());
    }

    @Test
    void purgeWebhookProblemsNameTheKeyAndNeverAHeaderValue() throws IOException {
        String file = dir.resolve("broadsheet.yml").toString();
        assertEquals(file + ": cdn.purge: is required", problem(SITE + "cdn: {}\n"));
        assertEquals(file + ": cdn.edge: unknown key; expected one of [purge]", problem(SITE + "cdn: {edge: on}\n"));
        assertEquals(file + ": cdn.purge: must be a mapping of keys to values",
                problem(SITE + "cdn: {purge: https://api.cdn.example/purge}\n"));
        assertEquals(file + ": cdn.purge.url: is required", problem(SITE + "cdn: {purge: {headers: {X-Team: news}}}\n"));
        assertEquals(file + ": cdn.purge.url: must be an absolute http or https URL, got 'api.cdn.example/purge'",
                problem(SITE + "cdn: {purge: {url: api.cdn.example/purge}}\n"));
        assertEquals(file + ": cdn.purge.token: unknown key; expected one of [body, headers, url]",
                problem(PURGE + "    token: abc\n"));
        assertEquals(file + ": cdn.purge.body: must be 'keys', 'fastly' or 'cloudflare', got 'akamai'",
                problem(PURGE + "    body: akamai\n"));
        String headers = SITE + "cdn: {purge: {url: https://api.cdn.example/purge, headers: %s}}\n";
        assertEquals(file + ": cdn.purge.headers: must be a mapping of keys to values",
                problem(headers.formatted("[Authorization]")));
        assertEquals(file + ": cdn.purge.headers.Bad Name: not a header name (letters, digits and !#$%&'*+-.^_`|~)",
                problem(headers.formatted("{Bad Name: x}")));
        assertEquals(file + ": cdn.purge.headers.Host: cannot be set: Broadsheet or its HTTP client sets it",
                problem(headers.formatted("{Host: cdn.example}")));
        assertEquals(file + ": cdn.purge.headers.content-type: cannot be set: Broadsheet or its HTTP client sets it",
                problem(headers.formatted("{content-type: text/plain}")));
        assertEquals(file + ": cdn.purge.headers.authorization: given twice (header names ignore case)",
                problem(headers.formatted("{Authorization: a, authorization: b}")));
        assertEquals(file + ": cdn.purge.headers.Authorization: must be non-empty text",
                problem(headers.formatted("{Authorization: ''}")));
        String twoLines = problem(headers.formatted("{Authorization: \"Bearer line-s3cret\\r\\nX-More: 1\"}"));
        assertEquals(file + ": cdn.purge.headers.Authorization: must be one line of printable ASCII (the value is not shown here)",
                twoLines);
        assertFalse(twoLines.contains("s3cret"));
    }
}
