package io.broadsheet.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.W3cFeedValidator;
import io.broadsheet.article.ArticleService;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds that carry every lifecycle signal at once (tombstones of a withdrawn and of an expired article, a usage
 * window, a correction, a restore, a picture with its rights and renditions) stay valid: JSON Feed against its schema, RSS and Atom through the W3C Feed
 * Validation Service's code with no error.
 */
@MicronautTest(transactional = false)
class LifecycleValidityTest extends HttpTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final List<String> FEEDS = List.of("all", "world", "europe", "teasers", "nato-world", "tagged-kosovo");

    @Inject
    MutableClock clock;

    @Inject
    ArticleService articles;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.test.mutable-clock", "true");
        return properties;
    }

    @BeforeAll
    void publishEverySignal() {
        publishEverySignal(http, clock, articles);
    }

    /** Articles in world and europe, tagged NATO and Kosovo, in every state of the lifecycle. */
    static void publishEverySignal(io.broadsheet.testing.Http http, MutableClock clock, ArticleService articles) {
        clock.set(NOW);
        List<Object> tags = List.of("NATO", "Kosovo");
        post(http, with(article("v-live", "2026-11-30T08:00:00Z", "world", "europe"), "tags", tags,
                "expiresAt", "2026-12-31T00:00:00Z"));
        Map<String, Object> corrected = with(article("v-corrected", "2026-11-30T09:00:00Z", "world"), "tags", tags);
        post(http, corrected);
        post(http, with(article("v-withdrawn", "2026-11-30T10:00:00Z", "world", "europe"), "tags", tags));
        post(http, with(article("v-restored", "2026-11-30T11:00:00Z", "europe"), "tags", tags));
        post(http, with(article("v-expiring", "2026-11-30T12:00:00Z", "world"), "tags", tags,
                "expiresAt", NOW.plusSeconds(1).toString()));
        // a picture with its rights and renditions ahead of a plain one: a media:group, srcset, the JSON image's pick
        Map<String, Object> pictured = with(io.broadsheet.testing.Fixtures.image("v-pictured", 1), "width", 3000, "height", 2000,
                "copyright", "\u00a9 AFP 2026", "license", "https://creativecommons.org/licenses/by-nd/4.0/",
                "renditions", List.of(Map.of("url", "https://media.example.com/v-pictured-640.jpg", "width", 640,
                        "height", 427, "mimeType", "image/jpeg"), Map.of("url", "https://media.example.com/v-pictured-1200.webp",
                        "width", 1200, "height", 800, "mimeType", "image/webp")));
        post(http, with(article("v-pictured", "2026-11-30T13:00:00Z", "world", "europe"), "tags", tags,
                "images", List.of(pictured, io.broadsheet.testing.Fixtures.image("v-pictured", 2))));
        clock.set(NOW.plusSeconds(60));
        assertEquals(200, http.put("/api/articles/v-corrected", json(with(corrected, "correction",
                "An earlier version misspelt the minister\u2019s name & title <sic>.")), null).status());
        assertEquals(200, http.post("/api/articles/v-withdrawn/withdraw",
                "{\"reason\": \"Rechtsstreit \u2014 L\u00f6schung auf Anordnung <Gericht> & Co.\"}").status());
        assertEquals(200, http.post("/api/articles/v-restored/withdraw", "{\"reason\": \"checking\"}").status());
        clock.set(NOW.plusSeconds(120));
        assertEquals(200, http.post("/api/articles/v-restored/restore", "").status());
        articles.expireDue(); // unless the timer did it first
        assertTrue(http.getAsAdmin("/api/articles/v-expiring").body().contains("\"reason\":\"expired\""));
        clock.set(NOW.plusSeconds(180));
    }

    private static void post(io.broadsheet.testing.Http http, Map<String, Object> article) {
        var answer = http.post("/api/articles", json(article));
        assertEquals(201, answer.status(), answer.body());
    }

    /** Every feed's first page in RSS and Atom, by the URL it is served at. */
    static Map<String, byte[]> xmlDocuments(io.broadsheet.testing.Http http) {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (String feed : FEEDS) {
            for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
                String path = "/feeds/" + feed + "." + format.extension();
                var answer = http.get(path);
                assertEquals(200, answer.status(), path);
                documents.put("https://news.example.com" + path, answer.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        return documents;
    }

    @Test
    void theDocumentsCarryEverySignal() {
        String worldRss = http.get("/feeds/world.rss").body();
        String europeAtom = http.get("/feeds/europe.atom").body();
        String worldJson = http.get("/feeds/world.json").body();
        assertTrue(worldRss.contains("<dcterms:valid>start=2026-11-30T08:00:00Z; end=2026-12-31T00:00:00Z; scheme=W3C-DTF</dcterms:valid>"), worldRss);
        assertTrue(worldRss.contains("<title>Withdrawn</title>"), worldRss);
        assertTrue(worldRss.contains("<dcterms:modified>2026-12-01T10:01:00Z</dcterms:modified>"), "a correction's date");
        assertTrue(worldRss.contains("class=\"correction\""), worldRss);
        assertTrue(europeAtom.contains("<at:deleted-entry"), europeAtom);
        assertTrue(worldRss.contains("<media:group>") && worldRss.contains("isDefault=\"true\"")
                && worldRss.contains("srcset="), "renditions: " + worldRss);
        assertTrue(worldRss.contains("<media:copyright url=\"https://creativecommons.org/licenses/by-nd/4.0/\">"), worldRss);
        assertTrue(worldJson.contains("\"_withdrawn\""), worldJson);
        assertEquals(2, worldJson.split("\"_withdrawn\"", -1).length - 1, "the withdrawn and the expired: " + worldJson);
    }

    @Test
    void everyJsonFeedMatchesTheJsonFeedSchema() throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/jsonfeed-1.1.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        for (String feed : FEEDS) {
            Set<ValidationMessage> problems = schema.validate(new ObjectMapper().readTree(http.get("/feeds/" + feed + ".json").body()));
            assertEquals(Set.of(), problems, feed + ".json");
        }
    }

    @Test
    void everyRssAndAtomDocumentPassesTheW3cValidatorWithNoError() throws Exception {
        W3cFeedValidator.assumeAvailable();
        Map<String, W3cFeedValidator.Report> reports = W3cFeedValidator.validate(xmlDocuments(http));
        reports.forEach((url, report) -> {
            report.warnings().forEach(w -> System.out.println("W3C validator warning, " + url + ": " + w));
            assertEquals(List.of(), report.errors(), url);
        });
    }
}
