package io.broadsheet.move;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.Installation;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.testing.Corpus;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An installation moves from H2 to PostgreSQL by export and import with preserve-ids: every feed (all, each
 * category, each named feed), in every format, on its first and later pages, comes out with the same bytes, ETag and
 * Last-Modified, and the next article gets a fresh id. Runs in both runs of the suite: it always moves H2 to PostgreSQL.
 */
@Tag("database")
class MoveToPostgresTest {

    private static final Path CONFIG = Path.of("src/test/resources/test-feeds-config/broadsheet.yml");

    @Test
    void everyFeedComesOutTheSameAfterMovingFromH2ToPostgres() throws IOException, InterruptedException {
        try (Installation h2 = Installation.onH2("MoveToPostgresTest-h2");
             Installation postgres = Installation.onPostgres("MoveToPostgresTest")) {
            Http old = h2.http();
            long deletedId = fill(old);
            String key = FeedParsers.jsonTree(old.post("/api/partners", Fixtures.json(Map.of("name", "Wire partner",
                    "feeds", List.of("partner-wire", "partner-sports")))).body()).get("key").getStringValue();
            String export = h2.export();
            int articles = (int) export.lines().count() - 1;

            Http.Answer imported = postgres.importKeepingIds(export);
            assertEquals(200, imported.status(), imported.body());
            JsonNode result = FeedParsers.jsonTree(imported.body());
            assertEquals(articles, result.get("created").getIntValue(), imported.body());
            assertEquals(0, result.get("rejectedCount").getIntValue(), imported.body());
            assertTrue(result.get("siteRestored").getBooleanValue(), imported.body());

            Http moved = postgres.http();
            // a Last-Modified in the current second is withheld until it is over: let the last write's second pass
            Thread.sleep(1_100);
            List<String> compared = new ArrayList<>();
            List<String> differences = new ArrayList<>();
            for (String feed : feedNames(old)) {
                String query = feed.startsWith("partner-") ? "&key=" + key : "";
                for (FeedFormat format : FeedFormat.values()) {
                    for (int page : new int[]{1, 2, 3, 9}) {
                        String path = "/feeds/" + feed + "." + format.extension() + "?page=" + page + query;
                        Http.Answer before = old.get(path);
                        Http.Answer after = moved.get(path);
                        compare(path, before, after, differences);
                        if (before.status() == 200) {
                            compared.add(path);
                        }
                    }
                }
            }
            for (String path : List.of("/", "/api/categories", "/api/articles?size=100&page=1", "/api/articles?size=100&page=5",
                    "/api/articles/moved-updated")) {
                compare(path, old.getAsAdmin(path), moved.getAsAdmin(path), differences);
            }
            assertEquals(List.of(), differences, "what differs after the move");
            assertTrue(compared.size() > 100 && compared.stream().anyMatch(p -> p.contains("/all.rss?page=9")),
                    "feeds compared with 200 answers: " + compared.size() + " " + compared);

            Http.Answer written = moved.post("/api/articles", Fixtures.json(Fixtures.article("after-the-move",
                    "2022-04-01T00:00:00Z", "world")));
            assertEquals(201, written.status(), written.body());
            long newId = FeedParsers.jsonTree(written.body()).get("id").getLongValue();
            assertTrue(newId > deletedId, "the first article after the move gets a fresh id, not the deleted article's "
                    + deletedId + ": " + newId);
            String newest = FeedParsers.parse(FeedFormat.ATOM, moved.get("/feeds/world.atom").body()).ids().get(0);
            assertTrue(newest.endsWith(":article:" + newId), "the new article leads its feed: " + newest);

            Http.Answer again = postgres.importKeepingIds(export);
            assertEquals(409, again.status(), again.body());
            assertEquals("application/problem+json", again.header("Content-Type").orElseThrow());
            assertTrue(again.body().contains("already holds articles"), again.body());
        }
    }

    /**
     * The corpus and what else a newsroom's archive holds: embargoes (one in a category of its own), an update, a
     * usage window, a correction, a withdrawal and a restore, a described category, and a deleted article, the newest.
     * Returns the deleted article's id.
     */
    private static long fill(Http http) throws IOException {
        Http.Answer corpus = http.importLines(Corpus.sample().ndjson());
        assertEquals(500, FeedParsers.jsonTree(corpus.body()).get("created").getIntValue(), corpus.body());
        for (String embargoed : List.of("moved-embargo-world", "moved-embargo-europe")) {
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article(embargoed, "2099-01-01T00:00:00Z",
                    embargoed.substring("moved-embargo-".length())))).status());
        }
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("moved-embargo-only",
                "2099-02-01T00:00:00Z", "embargoed-desk"))).status());
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("moved-updated",
                "2022-03-29T10:00:00Z", "world", "europe"), "url", null))).status());
        assertEquals(200, http.put("/api/articles/moved-updated", Fixtures.json(Fixtures.with(Fixtures.article("moved-updated",
                "2022-03-29T10:00:00Z", "world", "europe"), "url", null, "title", "moved-updated-title-2")), null).status());
        // the lifecycle: a usage window, a correction, a withdrawal (its tombstones) and a withdrawal undone
        Map<String, Object> windowed = Fixtures.with(Fixtures.article("moved-windowed", "2022-03-29T11:00:00Z", "world"),
                "expiresAt", "2099-06-01T00:00:00Z");
        assertEquals(201, http.post("/api/articles", Fixtures.json(windowed)).status());
        assertEquals(200, http.put("/api/articles/moved-windowed", Fixtures.json(Fixtures.with(windowed,
                "correction", "The date of the vote was wrong.")), null).status());
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("moved-withdrawn",
                "2022-03-29T12:00:00Z", "world", "europe"))).status());
        assertEquals(200, http.post("/api/articles/moved-withdrawn/withdraw", "{\"reason\": \"legal\"}").status());
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("moved-restored",
                "2022-03-29T13:00:00Z", "europe"))).status());
        assertEquals(200, http.post("/api/articles/moved-restored/withdraw", "{\"reason\": \"check\"}").status());
        assertEquals(200, http.post("/api/articles/moved-restored/restore", "").status());
        assertEquals(200, http.put("/api/categories/world", Fixtures.json(Map.of("name", "World desk",
                "description", "News from everywhere, moved along.")), null).status());
        Http.Answer deleted = http.post("/api/articles", Fixtures.json(Fixtures.article("moved-deleted",
                "2022-03-30T12:00:00Z", "world")));
        assertEquals(204, http.delete("/api/articles/moved-deleted").status());
        return FeedParsers.jsonTree(deleted.body()).get("id").getLongValue();
    }

    /** all, every category, and the named feeds of the test configuration. */
    private static List<String> feedNames(Http http) throws IOException {
        List<String> names = new ArrayList<>(List.of("all"));
        FeedParsers.jsonTree(http.getAsAdmin("/api/categories").body()).values()
                .forEach(c -> names.add(c.get("slug").getStringValue()));
        try (InputStream in = Files.newInputStream(CONFIG)) {
            Map<String, Object> config = new Yaml().load(in);
            @SuppressWarnings("unchecked")
            Map<String, Object> feeds = (Map<String, Object>) config.get("feeds");
            names.addAll(feeds.keySet());
        }
        assertTrue(names.contains("embargoed-desk") && names.contains("partner-wire"), names.toString());
        return names;
    }

    private static void compare(String path, Http.Answer before, Http.Answer after, List<String> differences) {
        for (String header : List.of("ETag", "Last-Modified", "Content-Type")) {
            if (!before.header(header).equals(after.header(header))) {
                differences.add(path + " " + header + ": " + before.header(header) + " then " + after.header(header));
            }
        }
        if (before.status() != after.status() || !before.body().equals(after.body())) {
            differences.add(path + ": " + before.status() + " then " + after.status() + "; body first differs at "
                    + firstDifference(before.body(), after.body()));
        }
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return i + ": '" + a.substring(from, Math.min(a.length(), i + 60)) + "' then '"
                + b.substring(from, Math.min(b.length(), i + 60)) + "'";
    }
}
