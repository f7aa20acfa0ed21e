package io.broadsheet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestHub;
import io.broadsheet.testing.TestReceiver;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.testing.Corpus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GET answer sent back as a PUT, with or without the server's fields, changes nothing, for every article of the
 * corpus: half of them with a URL of their own, some with a usage window, corrected or withdrawn. The article keeps
 * its version, updatedAt and ETag, every page of every public feed keeps its ETag in every format, and neither the
 * WebSub hub nor the CDN hears of it; a real edit afterwards moves all of them, and only for its own feeds.
 */
@MicronautTest(transactional = false)
class ArticleRoundTripTest extends HttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What GET shows beside what was sent: a write accepts and ignores them. */
    private static final List<String> SERVER_FIELDS = List.of("id", "link", "createdAt", "updatedAt", "version",
            "withdrawn", "corrections");
    private static final Set<String> NAMED_FEEDS = Set.of("teasers", "nato-world", "europe-politics", "tagged-kosovo",
            "partner-wire", "partner-sports");
    private static final Pattern FEED = Pattern.compile("feed[:/]([a-z0-9-]+)");

    private final TestHub hub = new TestHub(0);
    private final TestReceiver cdn = new TestReceiver();
    private final List<String> slugs = new ArrayList<>();
    private final Map<String, List<String>> categoriesBySlug = new HashMap<>();
    private final Set<String> withdrawn = new TreeSet<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("ArticleRoundTripTest"));
        properties.put("broadsheet.config-dir", configWithPurgeWebhook().toString());
        properties.put("broadsheet.websub.hubs", hub.url());
        properties.put("broadsheet.websub.delay", "100ms");
        properties.put("broadsheet.cdn.delay", "100ms");
        return properties;
    }

    @BeforeAll
    void importCorpus() throws IOException, InterruptedException {
        StringBuilder ndjson = new StringBuilder();
        String[] lines = corpus().split("\n");
        for (int i = 0; i < lines.length; i++) {
            Map<String, Object> article = JSON.readValue(lines[i], new TypeReference<LinkedHashMap<String, Object>>() { });
            String slug = (String) article.get("slug");
            if (i % 2 == 0) {
                article.put("url", "https://www.example.org/stories/" + slug);
            }
            if (i % 10 == 3) {
                article.put("expiresAt", "2099-01-01T00:00:00Z");
            }
            slugs.add(slug);
            @SuppressWarnings("unchecked")
            List<String> categories = (List<String>) article.get("categories");
            categoriesBySlug.put(slug, categories);
            ndjson.append(JSON.writeValueAsString(article)).append('\n');
        }
        JsonNode imported = jsonTree(http.importLines(ndjson.toString()).body());
        assertEquals(500, imported.get("created").getIntValue(), imported.toString());
        for (int i = 5; i < slugs.size(); i += 50) {
            Map<String, Object> corrected = withoutServerFields(http.getAsAdmin("/api/articles/" + slugs.get(i)).body());
            corrected.put("correction", "An earlier version misspelt a name.");
            assertEquals(200, http.put("/api/articles/" + slugs.get(i), JSON.writeValueAsString(corrected), null).status());
            assertEquals(200, http.post("/api/articles/" + slugs.get(i + 2) + "/withdraw", "{\"reason\": \"legal\"}").status());
            withdrawn.add(slugs.get(i + 2));
        }
        hub.awaitQuiet(1, 10_000);
        cdn.awaitQuiet(1, 10_000);
        hub.clear();
        cdn.clear();
    }

    @AfterAll
    void stop() {
        hub.close();
        cdn.close();
    }

    @Test
    void everyArticleSentBackAsItWasReadChangesNothingAndAnEditChangesOnlyItsOwnFeeds() throws IOException, InterruptedException {
        Map<String, String> feedsBefore = feedEtags();
        for (String slug : slugs) {
            Http.Answer read = http.getAsAdmin("/api/articles/" + slug);
            assertSentBackUnchanged(slug, read, read.body(), "the GET answer as it is");
            Map<String, Object> bare = withoutServerFields(read.body());
            assertSentBackUnchanged(slug, read, JSON.writeValueAsString(bare), "without the server's fields");
            if (!bare.containsKey("url")) { // what GET used to show: the derived link as its url
                bare.put("url", "https://news.example.com/articles/" + slug);
                assertSentBackUnchanged(slug, read, JSON.writeValueAsString(bare), "with the link as its url");
            }
        }
        assertEquals(feedsBefore, feedEtags(), "every page of every public feed, in every format");

        String edited = slugs.stream().filter(s -> categoriesBySlug.get(s).size() == 1 && !withdrawn.contains(s))
                .findFirst().orElseThrow();
        String category = categoriesBySlug.get(edited).get(0);
        Http.Answer before = http.getAsAdmin("/api/articles/" + edited);
        Map<String, Object> edit = withoutServerFields(before.body());
        edit.put("title", "A new title");
        Http.Answer after = http.put("/api/articles/" + edited, JSON.writeValueAsString(edit), null);
        assertEquals(200, after.status(), after.body());
        assertNotEquals(before.header("ETag"), after.header("ETag"), "an edit moves the article's ETag");
        assertEquals(jsonTree(before.body()).get("version").getLongValue() + 1,
                jsonTree(after.body()).get("version").getLongValue(), "an edit is a new version");
        assertNotEquals(jsonTree(before.body()).get("updatedAt"), jsonTree(after.body()).get("updatedAt"));
        Map<String, String> feedsAfter = feedEtags();
        for (FeedFormat format : FeedFormat.values()) {
            String prefix = category + "." + format.extension();
            assertTrue(feedsAfter.keySet().stream().filter(k -> k.startsWith(prefix))
                    .anyMatch(k -> !feedsAfter.get(k).equals(feedsBefore.get(k))), "a page of " + prefix + " changed");
        }
        Set<String> told = new TreeSet<>();
        hub.awaitQuiet(1, 10_000).forEach(ping -> told.addAll(feeds(ping)));
        cdn.awaitQuiet(1, 10_000).forEach(purge -> told.addAll(feeds(purge.body())));
        Set<String> allowed = new TreeSet<>(NAMED_FEEDS);
        allowed.addAll(List.of("all", category));
        assertTrue(told.contains(category) && allowed.containsAll(told), "the hub and the CDN hear of the edited"
                + " article's feeds (" + category + ", all, named feeds) and of nothing else; they heard of " + told);
    }

    /** PUT of {@code body} answers 200 with the article exactly as {@code read} showed it, under the same ETag. */
    private void assertSentBackUnchanged(String slug, Http.Answer read, String body, String how) {
        Http.Answer written = http.put("/api/articles/" + slug, body, null);
        assertEquals(200, written.status(), slug + " " + how + ": " + written.body());
        assertEquals(read.header("ETag"), written.header("ETag"), slug + " " + how + ": the article's ETag");
        assertEquals(read.body(), written.body(), slug + " " + how + ": expected the article as GET showed it"
                + " (same version, updatedAt, url and link), got another");
    }

    @Test
    void getShowsTheArticlesOwnUrlOnlyAndTheLinkItGetsEitherWay() {
        JsonNode own = jsonTree(http.getAsAdmin("/api/articles/" + slugs.get(0)).body());
        assertEquals("https://www.example.org/stories/" + slugs.get(0), own.get("url").getStringValue());
        assertEquals("https://www.example.org/stories/" + slugs.get(0), own.get("link").getStringValue());
        JsonNode derived = jsonTree(http.getAsAdmin("/api/articles/" + slugs.get(1)).body());
        assertNull(derived.get("url"), "an article without a URL of its own shows none");
        assertEquals("https://news.example.com/articles/" + slugs.get(1), derived.get("link").getStringValue());
        String exported = http.getAsAdmin("/api/articles/export").body();
        assertFalse(exported.contains("\"link\""), "an export line is the article as stored, without derived values");
    }

    /** Each feed page's ETag, by {@code name.ext?page=n}: {@code all}, every category and the public named feeds. */
    private Map<String, String> feedEtags() {
        List<String> names = new ArrayList<>(List.of("all", "teasers", "nato-world", "europe-politics", "tagged-kosovo"));
        jsonTree(http.getAsAdmin("/api/categories").body()).values().forEach(c -> names.add(c.get("slug").getStringValue()));
        Map<String, String> etags = new TreeMap<>();
        for (String name : names) {
            for (FeedFormat format : FeedFormat.values()) {
                String path = "/feeds/" + name + "." + format.extension();
                for (int page = 1; path != null; page++) { // page by page, as the next links lead
                    Http.Answer answer = http.get(path);
                    assertEquals(200, answer.status(), name + "." + format.extension() + " page " + page);
                    etags.put(name + "." + format.extension() + " page " + page, answer.header("ETag").orElseThrow());
                    path = nextPage(answer);
                }
            }
        }
        return etags;
    }

    /** The path of the page after this one, from its {@code Link: <...>; rel="next"} field, or null on the last. */
    private static String nextPage(Http.Answer answer) {
        for (String link : answer.headers().allValues("Link")) {
            for (String value : link.split(",\\s*(?=<)")) {
                if (value.endsWith("rel=\"next\"")) {
                    String url = value.substring(value.indexOf('<') + 1, value.indexOf('>'));
                    return url.substring(url.indexOf("/feeds/"));
                }
            }
        }
        return null;
    }

    private static Map<String, Object> withoutServerFields(String body) {
        try {
            Map<String, Object> article = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
            SERVER_FIELDS.forEach(article::remove);
            return article;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feed names a hub ping ({@code .../feeds/<name>.rss}) or a purge ({@code feed:<name>}) mentions. */
    private static Set<String> feeds(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = FEED.matcher(text.replace("/feeds/", "feed/"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private String corpus() throws IOException {
        return Corpus.sample().ndjson();
    }

    /** The test suite's feeds-config with {@code cdn.purge} aimed at the receiver. */
    private Path configWithPurgeWebhook() {
        try {
            Path dir = Files.createDirectories(Path.of("target/test-data/ArticleRoundTripTest-config-" + UUID.randomUUID()));
            String yaml = Files.readString(Path.of("src/test/resources/test-feeds-config/broadsheet.yml"))
                    + "\ncdn:\n  purge:\n    url: " + cdn.url() + "\n";
            Files.writeString(dir.resolve("broadsheet.yml"), yaml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
