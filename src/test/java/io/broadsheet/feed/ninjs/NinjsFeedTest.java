package io.broadsheet.feed.ninjs;

import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.NinjsSchema;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ninjs feed as a partner's ingester reads it: the AFP Kosovo story (the corpus' first article) with two pictures,
 * their sizes and rights, field by field; teasers, embargoes, partner keys, and what a browser gets.
 */
@MicronautTest(transactional = false)
class NinjsFeedTest extends HttpTest {

    private static final String KOSOVO = "Kosovo Asks Biden To Support NATO Bid";
    private static final String CREDIT = "Armend NIMANI / AFP";
    private static final String COPYRIGHT = "\u00a9 AFP 2022";
    private static final String LICENSE = "https://licenses.example.com/afp-editorial";
    private static final String FIRST = "https://media.example.com/2022/03/kosovo-kurti-baerbock-pristina.jpg";
    private static final String SECOND = "https://media.example.com/2022/03/kosovo-osmani-pristina.jpg";

    private final NinjsSchema schema = NinjsSchema.load();
    private long kosovo;

    /** The Kosovo story as the corpus has it, its picture given rights and two smaller sizes, and a second picture. */
    @BeforeAll
    void publish() {
        Map<String, Object> story = Corpus.sample().articles().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = new LinkedHashMap<>(((List<Map<String, Object>>) story.get("images")).get(0));
        first.put("copyright", COPYRIGHT);
        first.put("license", LICENSE);
        first.put("renditions", List.of(size(FIRST, 640, 427, "image/jpeg"), size(FIRST, 320, 213, "image/webp")));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("url", SECOND);
        second.put("mimeType", "image/jpeg");
        second.put("width", 1600);
        second.put("height", 1067);
        second.put("length", 254_120);
        second.put("caption", "Kosovo\u2019s President Vjosa Osmani in Pristina.");
        second.put("credit", CREDIT);
        second.put("alt", "Vjosa Osmani");
        second.put("copyright", COPYRIGHT);
        second.put("license", LICENSE);
        second.put("renditions", List.of(size(SECOND, 800, 533, "image/jpeg")));
        Http.Answer created = http.post("/api/articles", Fixtures.json(Fixtures.with(story, "images", List.of(first, second))));
        assertEquals(201, created.status(), created.body());
        kosovo = FeedParsers.jsonTree(created.body()).get("id").getLongValue();
        http.post("/api/articles", Fixtures.json(Fixtures.article("later", "2099-01-01T00:00:00Z", "world")));
        http.post("/api/articles", Fixtures.json(Fixtures.article("wired", "2022-03-18T08:00:00Z", "world")));
    }

    private static Map<String, Object> size(String original, int width, int height, String type) {
        String url = original.replace(".jpg", "-" + width + (type.equals("image/webp") ? ".webp" : ".jpg"));
        return Map.of("url", url, "width", width, "height", height, "mimeType", type);
    }

    @Test
    void theKosovoStoryIsATextItemWithItsHeadlineSummaryBodyDatesAuthorAndSubjects() {
        JsonNode item = item(world(), "tag:news.example.com,2022:article:" + kosovo);
        assertEquals("text", text(item, "type"));
        assertEquals("usable", text(item, "pubStatus"));
        assertEquals("full", text(item, "representationType"));
        assertEquals("en", text(item, "language"));
        assertEquals("2022-03-17T09:42:00Z", text(item, "firstCreated"));
        assertEquals("2022-03-17T09:42:00Z", text(item, "versionCreated"), "never corrected: its publication");
        assertEquals("AFP", text(item, "by"));
        assertEquals("Copyright Test Gazette", text(item, "copyrightNotice"), "the site's copyright");
        assertEquals(List.of("text/plain", KOSOVO), values(item.get("headlines").get(0), "contentType", "value"));
        assertEquals(List.of("summary", "text/plain"), values(item.get("descriptions").get(0), "role", "contentType"));
        assertTrue(text(item.get("descriptions").get(0), "value").startsWith("Fearing threats to sovereignty"));
        JsonNode body = item.get("bodies").get(0);
        assertEquals("text/html", text(body, "contentType"));
        assertTrue(text(body, "value").startsWith("<figure><img src=\"" + FIRST + "\""), text(body, "value"));
        assertEquals(List.of("web", "https://news.example.com/articles/kosovo-asks-biden-to-support-nato-bid",
                "text/html"), values(item.get("renditions").get(0), "name", "href", "contentType"), "the article's page");
        List<String> subjects = new ArrayList<>();
        item.get("subjects").values().forEach(s -> subjects.add(text(s, "name") + "/" + text(s, "literal")));
        assertEquals(List.of("World/world", "Europe/europe", "Kosovo/null", "NATO/null", "Russia/null", "Ukraine/null",
                "United States/null"), subjects, "categories (name/slug), then tags");
        assertEquals(List.of("ninjs", "3.3", "http://www.iptc.org/std/ninjs/ninjs-schema_3.3.json#"),
                values(item.get("standard"), "name", "version", "schema"));
    }

    @Test
    void theKosovoStorysTwoPicturesAreAssociationsWithEverySizeTheirCaptionCreditAndRights() {
        JsonNode pictures = item(world(), "tag:news.example.com,2022:article:" + kosovo).get("associations");
        assertEquals(2, pictures.size(), "two pictures: " + pictures);
        assertPicture(pictures.get(0), FIRST, "picture-1", "Kosovo\u2019s Prime Minister Albin Kurti speaks during a"
                        + " joint press conference with Germany\u2019s Foreign Minister Annalena Baerbock following their"
                        + " meeting in Pristina on March 10, 2022. Baerbock is on a two-day official visit to Kosovo.",
                "Albin Kurti at a lectern during a press conference in Pristina", List.of(
                        List.of("original", FIRST, 1200, 800, "image/jpeg", 187342L),
                        List.of("rendition-1", FIRST.replace(".jpg", "-640.jpg"), 640, 427, "image/jpeg"),
                        List.of("rendition-2", FIRST.replace(".jpg", "-320.webp"), 320, 213, "image/webp")));
        assertPicture(pictures.get(1), SECOND, "picture-2", "Kosovo\u2019s President Vjosa Osmani in Pristina.",
                "Vjosa Osmani", List.of(
                        List.of("original", SECOND, 1600, 1067, "image/jpeg", 254120L),
                        List.of("rendition-1", SECOND.replace(".jpg", "-800.jpg"), 800, 533, "image/jpeg")));
    }

    private static void assertPicture(JsonNode picture, String uri, String name, String caption, String alt,
                                      List<List<Object>> sizes) {
        assertEquals(List.of(uri, name, "picture"), values(picture, "uri", "name", "type"), name);
        assertEquals(CREDIT, text(picture, "by"), name + ": the credit");
        assertEquals(List.of("caption", "text/plain", caption), values(picture.get("descriptions").get(0),
                "role", "contentType", "value"), name + ": the caption");
        assertEquals(List.of("alt", "text/plain", alt), values(picture.get("descriptions").get(1),
                "role", "contentType", "value"), name + ": the alternative text");
        assertEquals(COPYRIGHT, text(picture, "copyrightNotice"), name + ": the copyright");
        assertEquals(LICENSE, text(picture.get("rightsInfo"), "linkedRights"), name + ": the licence");
        List<List<Object>> shown = new ArrayList<>();
        for (JsonNode r : picture.get("renditions").values()) {
            List<Object> size = new ArrayList<>(List.of(text(r, "name"), text(r, "href"), r.get("width").getIntValue(),
                    r.get("height").getIntValue(), text(r, "contentType")));
            if (r.get("sizeInBytes") != null) {
                size.add(r.get("sizeInBytes").getLongValue());
            }
            shown.add(size);
        }
        assertEquals(sizes, shown, name + ": every size, the original first (name, href, width, height, type, bytes)");
    }

    @Test
    void everyDocumentServedHereIsValidNinjs() {
        for (String path : List.of("/feeds/world.ninjs", "/feeds/all.ninjs", "/feeds/teasers.ninjs")) {
            assertEquals(List.of(), schema.problemsOfArray(path, http.get(path).body()), path);
        }
    }

    @Test
    void anEmbargoedArticleIsAbsent() {
        assertFalse(world().toString().contains("later-title"), "the article published in 2099 is not served yet");
        assertEquals(2, world().size(), "the Kosovo story and 'wired'");
    }

    @Test
    void aTeaserFeedIsAPartialRepresentationWithoutBody() {
        JsonNode first = FeedParsers.jsonTree(http.get("/feeds/teasers.ninjs").body()).get(0);
        assertEquals("partial", text(first, "representationType"));
        assertNull(first.get("bodies"), "summary content: no body");
        assertEquals("wired-summary", text(first.get("descriptions").get(0), "value"));
    }

    @Test
    void aBrowserGetsTheJsonAsEveryClientDoesAndAnswersDoNotVaryByAccept() {
        Http.Answer answer = http.send(http.request("/feeds/world.ninjs").header("Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals(200, answer.status());
        assertEquals("application/json; charset=utf-8", answer.header("Content-Type").orElseThrow());
        assertTrue(answer.body().startsWith("[{\"uri\":"), answer.body());
        assertEquals("Accept-Encoding", answer.header("Vary").orElseThrow(), "no page, so no variant by Accept");
    }

    @Test
    void aPartnerFeedIsRefusedWithoutAKeyThatGrantsItAndServedWithOne() {
        assertEquals(404, http.get("/feeds/partner-wire.ninjs").status());
        String key = FeedParsers.jsonTree(http.post("/api/partners", Fixtures.json(Map.of("name", "ninjs desk",
                "feeds", List.of("partner-wire")))).body()).get("key").getStringValue();
        Http.Answer granted = http.send(http.request("/feeds/partner-wire.ninjs").header("Authorization", "Bearer " + key));
        assertEquals(200, granted.status(), granted.body());
        assertEquals("private, max-age=300", granted.header("Cache-Control").orElseThrow());
        assertEquals(List.of(), schema.problemsOfArray("partner-wire.ninjs", granted.body()));
        assertEquals(404, http.get("/feeds/partner-sports.ninjs?key=" + key).status(), "a feed the key does not grant");
    }

    @Test
    void theSchemaRefusesWhatNinjsForbids() {
        String valid = "{\"uri\":\"tag:news.example.com,2022:article:1\",\"type\":\"text\"}";
        assertEquals(0, schema.problems(valid).size(), valid);
        for (String bad : List.of(
                "{\"uri\":\"tag:news.example.com,2022:article:1\",\"url\":\"https://news.example.com/\"}",
                "{\"uri\":\"tag:news.example.com,2022:article:1\",\"versionCreated\":\"yesterday\"}",
                "{\"uri\":\"tag:news.example.com,2022:article:1\",\"pubStatus\":\"withdrawn\"}",
                "{\"uri\":\"tag:news.example.com,2022:article:1\",\"headlines\":[{\"role\":\"main\"}]}",
                "{\"uri\":\"tag:news.example.com,2022:article:1\",\"associations\":[{\"uri\":\"" + FIRST + "\"}]}",
                "{\"uri\":\"tag:news.example.com,2022:article:1\",\"associations\":[{\"uri\":\"" + FIRST
                        + "\",\"name\":\"p\",\"caption\":\"c\"}]}",
                "{\"type\":\"text\"}")) {
            assertFalse(schema.problems(bad).isEmpty(), "expected the schema to refuse " + bad + ", it found nothing");
        }
    }

    private JsonNode world() {
        Http.Answer answer = http.get("/feeds/world.ninjs");
        assertEquals(200, answer.status(), answer.body());
        return FeedParsers.jsonTree(answer.body());
    }

    private static JsonNode item(JsonNode array, String uri) {
        for (JsonNode item : array.values()) {
            if (uri.equals(text(item, "uri"))) {
                return item;
            }
        }
        throw new AssertionError("no item " + uri + " in " + array);
    }

    private static List<Object> values(JsonNode node, String... names) {
        List<Object> values = new ArrayList<>();
        for (String name : names) {
            values.add(text(node, name));
        }
        return values;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null ? null : value.getStringValue();
    }
}
