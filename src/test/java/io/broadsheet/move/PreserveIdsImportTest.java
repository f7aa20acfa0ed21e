package io.broadsheet.move;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.Installation;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import with preserve-ids: what it refuses, line by line or whole, and what it keeps. Each test fills a fresh database. */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreserveIdsImportTest {

    private static final String CREATED = "2022-05-01T08:00:00.123456Z";
    private static final String UPDATED = "2022-05-02T09:30:00Z";

    /** Three articles (ids 1 to 3), the second replaced once: what the exports below come from. */
    private Installation source;
    private String export;

    @BeforeAll
    void fillTheSource() {
        source = Installation.fresh("PreserveIdsImportTest-source");
        Http http = source.http();
        for (int i = 0; i < 3; i++) {
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("source-" + i,
                    "2022-03-0" + (i + 1) + "T10:00:00Z", "source-desk"))).status());
        }
        assertEquals(200, http.put("/api/articles/source-1", Fixtures.json(Fixtures.with(Fixtures.article("source-1",
                "2022-03-02T10:00:00Z", "source-desk"), "title", "source-1-title-2")), null).status());
        export = source.export();
    }

    @AfterAll
    void stopTheSource() {
        source.close();
    }

    @Test
    void everyBadLineIsRejectedNamingItsFieldAndTheOthersKeepTheirIdsTimesAndVersions() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1201; i++) { // more than a chunk: the id taken again below lies in an earlier chunk
            lines.add(line("filler-" + i, 100 + i));
        }
        lines.add(Fixtures.json(Fixtures.with(article("kept", 10), "version", 3)));             // 1202
        lines.add(Fixtures.json(Fixtures.with(article("id-text", 11), "id", "11")));           // 1203
        lines.add(line("id-zero", 0));                                                         // 1204
        lines.add(Fixtures.json(Fixtures.with(article("id-missing", 12), "id", null)));        // 1205
        lines.add(line("id-again-in-chunk", 10));                                              // 1206
        lines.add(line("kept", 13));                                                           // 1207: slug again
        lines.add(Fixtures.json(Fixtures.with(article("created-bad", 14), "createdAt", "yesterday")));         // 1208
        lines.add(Fixtures.json(Fixtures.with(article("updated-early", 15), "updatedAt", "2022-04-01T00:00:00Z"))); // 1209
        lines.add(Fixtures.json(Fixtures.with(article("version-negative", 16), "version", -1)));  // 1210
        lines.add(Fixtures.json(Fixtures.with(article("id-fraction", 17), "id", 17.5)));       // 1211
        lines.add(line("id-of-an-earlier-chunk", 100));                                        // 1212
        lines.add(line("last", 20));                                                           // 1213
        lines.add("{\"site\": {\"nextArticleId\": 0, \"categories\": [{\"slug\": \"Bad Slug\", \"name\": \"x\"}]}}"); // 1214
        lines.add(site(5000));                                                                 // 1215
        lines.add(site(6000));                                                                 // 1216: a second one

        try (Installation target = Installation.fresh("PreserveIdsImportTest-rejections")) {
            Http.Answer answer = target.importKeepingIds(String.join("\n", lines));
            assertEquals(200, answer.status(), answer.body());
            JsonNode result = FeedParsers.jsonTree(answer.body());
            assertEquals(1203, result.get("created").getIntValue(), answer.body());
            assertTrue(result.get("siteRestored").getBooleanValue(), answer.body());
            Map<Integer, String> rejected = new LinkedHashMap<>();
            result.get("rejected").values().forEach(r -> rejected.put(r.get("line").getIntValue(),
                    r.get("errors").get(0).get("field").getStringValue()));
            Map<Integer, String> expected = new LinkedHashMap<>();
            expected.put(1203, "id");
            expected.put(1204, "id");
            expected.put(1205, "id");
            expected.put(1206, "id");
            expected.put(1207, "slug");
            expected.put(1208, "createdAt");
            expected.put(1209, "updatedAt");
            expected.put(1210, "version");
            expected.put(1211, "id");
            expected.put(1212, "id");
            expected.put(1214, "site.nextArticleId");
            expected.put(1216, "site");
            assertEquals(expected, rejected, "rejected lines and the field each names: " + answer.body());
            assertEquals(12, result.get("rejectedCount").getIntValue());

            Http http = target.http();
            JsonNode kept = FeedParsers.jsonTree(http.getAsAdmin("/api/articles/kept").body());
            assertEquals(10, kept.get("id").getLongValue());
            assertEquals(3, kept.get("version").getLongValue());
            assertEquals(java.time.Instant.parse(CREATED), java.time.Instant.parse(kept.get("createdAt").getStringValue()));
            assertEquals(java.time.Instant.parse(UPDATED), java.time.Instant.parse(kept.get("updatedAt").getStringValue()));
            assertEquals("\"10-3\"", http.getAsAdmin("/api/articles/kept").header("ETag").orElseThrow());
            assertEquals("Restored desk", FeedParsers.jsonTree(http.getAsAdmin("/api/categories").body()).values()
                    .iterator().next().get("name").getStringValue(), "the first site line's category name");

            Http.Answer next = http.post("/api/articles", Fixtures.json(Fixtures.article("after", "2022-06-01T00:00:00Z", "desk")));
            assertEquals(5000, FeedParsers.jsonTree(next.body()).get("id").getLongValue(),
                    "the next article takes the site line's next id");
        }
    }

    @Test
    void aDatabaseWithArticlesOrPartnerKeysIsRefusedWith409SayingWhy() {
        try (Installation sample = Installation.fresh("PreserveIdsImportTest-sample", "broadsheet.sample-data", "true")) {
            Http.Answer refused = sample.importKeepingIds(export);
            assertEquals(409, refused.status(), refused.body());
            assertEquals("application/problem+json", refused.header("Content-Type").orElseThrow());
            String detail = FeedParsers.jsonTree(refused.body()).get("detail").getStringValue();
            assertTrue(detail.contains("already holds articles") && detail.contains("BROADSHEET_SAMPLE_DATA"), detail);
        }
        try (Installation keyed = Installation.fresh("PreserveIdsImportTest-keys")) {
            assertEquals(201, keyed.http().post("/api/partners", Fixtures.json(Map.of("name", "Early partner",
                    "feeds", List.of("partner-wire")))).status());
            Http.Answer refused = keyed.importKeepingIds(export);
            assertEquals(409, refused.status(), refused.body());
            assertTrue(refused.body().contains("1 partner key(s)"), refused.body());
            assertEquals(404, keyed.http().getAsAdmin("/api/articles/source-0").status(), "nothing was imported");

            Http.Answer notAFlag = keyed.http().send(keyed.http().admin("/api/articles/import?preserve-ids=yes")
                    .header("Content-Type", "application/x-ndjson").POST(java.net.http.HttpRequest.BodyPublishers.ofString(export)));
            assertEquals(400, notAFlag.status(), notAFlag.body());
            assertEquals("preserve-ids", FeedParsers.jsonTree(notAFlag.body()).get("errors").get(0).get("field").getStringValue());
        }
    }

    @Test
    void anExportCutShortRestoresNoSiteStateYetTheNextIdComesAfterTheImportedOnes() {
        List<String> lines = new ArrayList<>(export.lines().toList());
        lines.remove(lines.size() - 1);
        try (Installation target = Installation.fresh("PreserveIdsImportTest-cut")) {
            Http.Answer answer = target.importKeepingIds(String.join("\n", lines));
            JsonNode result = FeedParsers.jsonTree(answer.body());
            assertEquals(3, result.get("created").getIntValue(), answer.body());
            assertFalse(result.get("siteRestored").getBooleanValue(), answer.body());
            Http.Answer next = target.http().post("/api/articles", Fixtures.json(Fixtures.article("after", "2022-06-01T00:00:00Z", "desk")));
            assertEquals(4, FeedParsers.jsonTree(next.body()).get("id").getLongValue(), next.body());
        }
    }

    @Test
    void anExportImportedWithoutPreserveIdsAddsItsArticlesUnderNewIds() {
        try (Installation target = Installation.fresh("PreserveIdsImportTest-plain")) {
            Http http = target.http();
            for (String slug : List.of("target-0", "target-1")) {
                assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article(slug, "2022-01-01T00:00:00Z", "desk"))).status());
            }
            Http.Answer answer = http.importLines(export);
            JsonNode result = FeedParsers.jsonTree(answer.body());
            assertEquals(3, result.get("created").getIntValue(), answer.body());
            assertEquals(0, result.get("rejectedCount").getIntValue(), "the site line is skipped: " + answer.body());
            assertNull(result.get("siteRestored"), answer.body());
            JsonNode before = FeedParsers.jsonTree(source.http().getAsAdmin("/api/articles/source-1").body());
            JsonNode after = FeedParsers.jsonTree(http.getAsAdmin("/api/articles/source-1").body());
            assertEquals(2, before.get("id").getLongValue());
            assertEquals(4, after.get("id").getLongValue(), "a new id, after the target's own articles");
            assertEquals(1, before.get("version").getLongValue());
            assertEquals(0, after.get("version").getLongValue(), "a new article");
            assertEquals("source-1-title-2", after.get("title").getStringValue());
        }
    }

    @Test
    void aLineOrASiteLineWithACategoryNamedLikeAFeedIsRejectedNamingTheField() {
        List<String> lines = List.of(
                Fixtures.json(Fixtures.with(article("in-a-feed", 1), "categories", List.of("restored", "teasers"))),
                line("fine", 2),
                Fixtures.json(Map.of("site", Map.of("nextArticleId", 3,
                        "categories", List.of(Map.of("slug", "restored", "name", "Restored desk"),
                                Map.of("slug", "all", "name", "Everything")),
                        "feedStates", List.of(), "partnerKeys", List.of()))));
        try (Installation target = Installation.fresh("PreserveIdsImportTest-feed-names")) {
            Http.Answer answer = target.importKeepingIds(String.join("\n", lines));
            assertEquals(200, answer.status(), answer.body());
            JsonNode result = FeedParsers.jsonTree(answer.body());
            assertEquals(1, result.get("created").getIntValue(), answer.body());
            assertFalse(result.get("siteRestored").getBooleanValue(), answer.body());
            Map<Integer, String> rejected = new LinkedHashMap<>();
            result.get("rejected").values().forEach(r -> rejected.put(r.get("line").getIntValue(),
                    r.get("errors").get(0).get("field").getStringValue()));
            assertEquals(Map.of(1, "categories[1]", 3, "site.categories[1].slug"), rejected, answer.body());
            List<String> categories = new ArrayList<>();
            FeedParsers.jsonTree(target.http().getAsAdmin("/api/categories").body()).values()
                    .forEach(c -> categories.add(c.get("slug").getStringValue()));
            assertEquals(List.of("restored"), categories, "no category named like a feed");
        }
    }

    private static Map<String, Object> article(String slug, long id) {
        Map<String, Object> article = Fixtures.article(slug, "2022-04-15T12:00:00Z", "restored");
        article.put("id", id);
        article.put("createdAt", CREATED);
        article.put("updatedAt", UPDATED);
        article.put("version", 0);
        return article;
    }

    private static String line(String slug, long id) {
        return Fixtures.json(article(slug, id));
    }

    private static String site(long nextArticleId) {
        return Fixtures.json(Map.of("site", Map.of("nextArticleId", nextArticleId,
                "categories", List.of(Map.of("slug", "restored", "name", "Restored desk")),
                "feedStates", List.of(), "partnerKeys", List.of())));
    }
}
