package io.broadsheet.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.testing.W3cFeedValidator;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first 500 articles of the news corpus, imported over HTTP: every feed in every format parses, JSON Feed
 * passes the JSON Feed 1.1 schema, and every item shows each of its pictures with the caption and credit it was sent with.
 */
@MicronautTest(transactional = false)
class CorpusFeedsTest extends HttpTest {

    private final Map<String, List<Map<String, String>>> imagesBySlug = new HashMap<>();
    private final List<String> feedNames = new ArrayList<>();

    @BeforeAll
    void importCorpus() throws IOException {
        Corpus corpus = Corpus.sample();
        for (String line : corpus.lines()) {
            JsonNode article = FeedParsers.jsonTree(line);
            List<Map<String, String>> images = new ArrayList<>();
            if (article.get("images") != null) {
                article.get("images").values().forEach(i -> images.add(Map.of("url", i.get("url").getStringValue(),
                        "caption", i.get("caption").getStringValue(), "credit", i.get("credit").getStringValue())));
            }
            imagesBySlug.put(article.get("slug").getStringValue(), images);
        }
        Http.Answer imported = http.importLines(corpus.ndjson());
        JsonNode result = FeedParsers.jsonTree(imported.body());
        assertEquals(500, result.get("created").getIntValue(), imported.body());
        assertEquals(0, result.get("rejected").size(), imported.body());
        FeedParsers.jsonTree(http.getAsAdmin("/api/categories").body()).values()
                .forEach(c -> feedNames.add(c.get("slug").getStringValue()));
        assertEquals(14, feedNames.size(), "the corpus uses fourteen categories");
        feedNames.addAll(List.of("all", "teasers", "nato-world", "europe-politics", "tagged-kosovo"));
    }

    @Test
    void everyFeedInEveryFormatShowsEachPictureWithItsCaptionAndCredit() {
        int checkedImages = 0;
        for (String name : feedNames) {
            for (FeedFormat format : FeedFormat.values()) {
                Http.Answer answer = http.get("/feeds/" + name + "." + format.extension());
                assertEquals(200, answer.status(), name + "." + format.extension());
                ParsedFeed feed = FeedParsers.parse(format, answer.body());
                assertTrue(!feed.items().isEmpty(), name + "." + format.extension() + " has items");
                for (ParsedFeed.Item item : feed.items()) {
                    String slug = item.url().substring(item.url().lastIndexOf('/') + 1);
                    List<Map<String, String>> sent = imagesBySlug.get(slug);
                    assertEquals(sent.size(), item.images().size(), slug + " in " + name + "." + format.extension());
                    for (int i = 0; i < sent.size(); i++) {
                        ParsedFeed.Image shown = item.images().get(i);
                        assertEquals(sent.get(i).get("url"), shown.url());
                        assertEquals(sent.get(i).get("caption"), shown.caption(), slug + " image " + i + " caption");
                        assertEquals(sent.get(i).get("credit"), shown.credit(), slug + " image " + i + " credit");
                        checkedImages++;
                    }
                }
            }
        }
        assertTrue(checkedImages > 1000, "checked " + checkedImages + " pictures");
    }

    @Test
    void everyJsonFeedPassesTheJsonFeedSchema() throws IOException {
        JsonSchema schema = jsonFeedSchema();
        ObjectMapper mapper = new ObjectMapper();
        for (String name : feedNames) {
            String document = http.get("/feeds/" + name + ".json").body();
            Set<ValidationMessage> problems = schema.validate(mapper.readTree(document));
            assertEquals(Set.of(), problems, name + ".json");
        }
    }

    @Test
    void everyRssAndAtomFeedPassesTheW3cValidatorWithNoError() throws Exception {
        W3cFeedValidator.assumeAvailable();
        Map<String, byte[]> documents = new java.util.LinkedHashMap<>();
        for (String name : feedNames) {
            for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
                String path = "/feeds/" + name + "." + format.extension();
                documents.put("https://news.example.com" + path, http.get(path).bytes());
            }
        }
        W3cFeedValidator.validate(documents).forEach((url, report) -> assertEquals(List.of(), report.errors(), url));
    }

    @Test
    void schemaRejectsWhatJsonFeedForbids() throws IOException {
        String bad = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"author\": {\"name\": \"x\"},"
                + " \"items\": [{\"id\": \"1\", \"date_published\": \"yesterday\", \"custom\": 1}]}";
        Set<ValidationMessage> problems = jsonFeedSchema().validate(new ObjectMapper().readTree(bad));
        assertEquals(5, problems.size(), "author (1.0), no content (twice: html or text), bad date, unprefixed extension: " + problems);
    }

    private JsonSchema jsonFeedSchema() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/jsonfeed-1.1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    @Test
    void everyRssItemHasOneEnclosureAtMostAndATagGuid() {
        for (String name : feedNames) {
            byte[] document = http.get("/feeds/" + name + ".rss").bytes();
            Element channel = TestFeeds.child(TestFeeds.dom(document).getDocumentElement(), null, "channel");
            for (Element item : TestFeeds.children(channel, null, "item")) {
                int images = TestFeeds.children(item, TestFeeds.MEDIA, "content").size();
                assertEquals(images > 0 ? 1 : 0, TestFeeds.children(item, null, "enclosure").size(), name);
                Element guid = TestFeeds.child(item, null, "guid");
                assertEquals("false", guid.getAttribute("isPermaLink"));
                assertTrue(guid.getTextContent().startsWith("tag:news.example.com,2022:article:"));
            }
        }
    }
}
