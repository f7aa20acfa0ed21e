package io.broadsheet.move;

import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/articles/export: every article in the import's shape plus the server's fields, by id, then the site line. */
@MicronautTest(transactional = false)
class ExportTest extends HttpTest {

    private static final Set<String> LINE_FIELDS = new TreeSet<>(Set.of("id", "slug", "title", "summary", "body",
            "authors", "categories", "tags", "language", "images", "publishedAt", "createdAt", "updatedAt", "version"));

    @Test
    void theExportHoldsEveryArticleByIdAcrossPagesThenTheSiteLine() {
        Corpus articles = Corpus.generated(1203, i -> Fixtures.with(Fixtures.article("exported-" + i, // three pages of 500
                Corpus.oneAMinute(i), "exported"), "url", i == 7 ? null : "https://news.example.com/stories/exported-" + i));
        assertEquals(200, http.importLines(articles.ndjson()).status());
        assertEquals(200, http.put("/api/articles/exported-3", Fixtures.json(Fixtures.with(Fixtures.article("exported-3",
                "2022-01-01T00:03:00Z", "exported"), "title", "exported-3-title-2")), null).status());
        assertEquals(204, http.delete("/api/articles/exported-5").status());

        Http.Answer answer = http.getAsAdmin("/api/articles/export");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/x-ndjson", answer.header("Content-Type").orElseThrow());
        assertEquals("no-store", answer.header("Cache-Control").orElseThrow());
        List<JsonNode> lines = new ArrayList<>(answer.body().lines().map(FeedParsers::jsonTree).toList());
        JsonNode site = lines.remove(lines.size() - 1).get("site");
        assertNotNull(site, "the last line is the site line");

        long previous = 0;
        for (JsonNode line : lines) {
            long id = line.get("id").getLongValue();
            assertTrue(id > previous, "ids ascend: " + previous + " then " + id);
            previous = id;
        }
        List<JsonNode> exported = lines.stream().filter(l -> l.get("slug").getStringValue().startsWith("exported-")).toList();
        assertEquals(1202, exported.size(), "every article but the deleted one");
        JsonNode first = exported.get(0);
        Set<String> fields = new TreeSet<>();
        first.entries().forEach(e -> fields.add(e.getKey()));
        fields.remove("url");
        assertEquals(LINE_FIELDS, fields);
        assertEquals("https://news.example.com/stories/exported-0", first.get("url").getStringValue());
        JsonNode noUrl = exported.stream().filter(l -> l.get("slug").getStringValue().equals("exported-7")).findFirst().orElseThrow();
        assertNull(noUrl.get("url"), "an article without a url of its own is exported without one: " + noUrl);
        JsonNode replaced = exported.stream().filter(l -> l.get("slug").getStringValue().equals("exported-3")).findFirst().orElseThrow();
        assertEquals(1, replaced.get("version").getLongValue());
        assertEquals("exported-3-title-2", replaced.get("title").getStringValue());
        assertTrue(Instant.parse(replaced.get("updatedAt").getStringValue())
                .isAfter(Instant.parse(replaced.get("createdAt").getStringValue())));

        assertTrue(site.get("nextArticleId").getLongValue() > previous, "next id after the highest: " + site);
        assertTrue(site.get("categories").values().iterator().hasNext());
        List<String> states = new ArrayList<>();
        site.get("feedStates").values().forEach(s -> states.add(s.get("name").getStringValue()));
        assertTrue(states.containsAll(List.of("all", "exported", "#config")), states.toString());
        assertFalse(states.contains("#index"), "the feed rows' own state stays with the database: " + states);
    }

    @Test
    void theExportNeedsTheAdminToken() {
        assertEquals(401, http.get("/api/articles/export").status());
        assertEquals(403, http.send(http.request("/api/articles/export").header("Authorization", "Bearer wrong")).status());
    }

    @Test
    void anExportImportedAgainWithoutPreserveIdsFindsEveryArticleUnchanged() {
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("again-0", "2022-02-01T00:00:00Z",
                "again"))).status());
        String export = http.getAsAdmin("/api/articles/export").body();
        JsonNode result = FeedParsers.jsonTree(http.importLines(export).body());
        assertEquals(0, result.get("created").getIntValue(), result.toString());
        assertEquals(0, result.get("updated").getIntValue(), "the same articles again change nothing: " + result);
        assertEquals(export.lines().count() - 1, result.get("unchanged").getIntValue(), "every article, the site line skipped");
        assertEquals(0, result.get("rejectedCount").getIntValue(), result.toString());
    }
}
