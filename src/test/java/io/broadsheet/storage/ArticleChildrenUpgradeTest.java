package io.broadsheet.storage;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.Installation;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A database written by version 8 (images, authors and corrections in child tables and text columns) answers, once
 * migrated to JSON columns, exactly what a fresh database answers for the same articles imported with preserve-ids:
 * every article, feed, page and export line, byte for byte, and the next article id.
 */
@Tag("database")
class ArticleChildrenUpgradeTest {

    private static final String CREATED = "2022-03-17T09:00:00.123456Z";
    private static final String UPDATED = "2022-03-19T12:00:00Z";
    private static final List<String> PATHS = List.of("/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json",
            "/feeds/world.rss", "/feeds/world.atom", "/feeds/world.json", "/feeds/europe.rss", "/feeds/europe.atom",
            "/feeds/europe.json", "/articles/upgraded-a1", "/articles/upgraded-a2");

    /** Three articles: a1 with everything, a2 with nothing but a category, a3 withdrawn long ago; ids 1, 2 and 5. */
    private static List<Map<String, Object>> articles() {
        Map<String, Object> a1 = Fixtures.with(Fixtures.article("upgraded-a1", "2022-03-17T09:42:00Z", "world", "europe"),
                "id", 1, "createdAt", CREATED, "updatedAt", UPDATED, "version", 2,
                "tags", List.of("Kosovo", "NATO"),
                "authors", List.of(Map.of("name", "a1-author1", "url", "https://news.example.com/people/a1"),
                        Map.of("name", "a1-author2 \u00e9\u00e8")),
                "images", List.of(
                        Fixtures.with(Fixtures.image("a1", 1), "copyright", "\u00a9 a1-img1-copyright",
                                "license", "https://creativecommons.org/licenses/by/4.0/",
                                "renditions", List.of(
                                        Map.of("url", "https://media.example.com/a1-img1-320.jpg?v=1&w=320",
                                                "width", 320, "height", 213, "mimeType", "image/jpeg"),
                                        Map.of("url", "https://media.example.com/a1-img1-640.webp", "width", 640,
                                                "mimeType", "image/webp"),
                                        Map.of("url", "https://media.example.com/a1-img1-%E2%82%AC.jpg"))),
                        Map.of("url", "https://media.example.com/a1-img2.jpg"),
                        Fixtures.with(Fixtures.image("a1", 3), "caption", "a1-img3-caption \"quoted\" <b>not html</b> \u2603",
                                "length", null, "width", null)),
                "corrections", List.of(
                        Map.of("at", "2022-03-18T10:00:00.123456Z", "text", "a1-correction1 with \\ a backslash"),
                        Map.of("at", "2022-03-19T11:00:00Z", "text", "a1-correction2 on 19 March")));
        Map<String, Object> a2 = Fixtures.with(Fixtures.article("upgraded-a2", "2022-03-16T08:00:00Z", "world"),
                "id", 2, "createdAt", CREATED, "updatedAt", CREATED, "version", 0, "tags", List.of(),
                "authors", List.of(), "images", List.of(), "summary", null);
        Map<String, Object> a3 = Fixtures.with(Fixtures.article("upgraded-a3", "2022-03-15T08:00:00Z", "europe"),
                "id", 5, "createdAt", CREATED, "updatedAt", UPDATED, "version", 1,
                "withdrawn", Map.of("at", UPDATED, "reason", "a3-withdrawn-reason"));
        return List.of(a1, a2, a3);
    }

    @Test
    void aVersion8DatabaseAnswersByteForByteWhatAFreshImportOfTheSameArticlesAnswers() throws Exception {
        Map<String, String> expected;
        try (Installation fresh = Installation.fresh("ArticleChildrenUpgradeTest-fresh")) {
            List<String> lines = new ArrayList<>(articles().stream().map(Fixtures::json).toList());
            lines.add(Fixtures.json(Map.of("site", Map.of("nextArticleId", 7, "categories", List.of(),
                    "feedStates", List.of(), "partnerKeys", List.of()))));
            Http.Answer imported = fresh.importKeepingIds(String.join("\n", lines));
            assertEquals(200, imported.status(), imported.body());
            assertEquals(201, fresh.http().post("/api/articles", Fixtures.json(Fixtures.article("after-upgrade",
                    "2022-03-20T08:00:00Z", "world"))).status());
            expected = answers(fresh.http());
        }
        Map<String, Object> properties = new HashMap<>(TestDatabase.unmigratedProperties("ArticleChildrenUpgradeTest-old"));
        writeVersion8(properties);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(server.getURI());
            Http.Answer created = http.post("/api/articles", Fixtures.json(Fixtures.article("after-upgrade",
                    "2022-03-20T08:00:00Z", "world")));
            assertEquals(201, created.status(), created.body());
            Map<String, String> migrated = answers(http);
            for (String path : expected.keySet()) {
                assertEquals(expected.get(path), migrated.get(path), path + ": the migrated answer differs from the fresh one");
            }
        }
    }

    /** Every answer that shows the articles, feed documents' own change dates masked (they say when each was filled). */
    private static Map<String, String> answers(Http http) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map<String, Object> article : articles()) {
            String slug = (String) article.get("slug");
            answers.put("/api/articles/" + slug, ok(http.getAsAdmin("/api/articles/" + slug), slug));
        }
        answers.put("/api/articles/after-upgrade", ok(http.getAsAdmin("/api/articles/after-upgrade"), "after-upgrade"));
        answers.put("/api/articles?category=world", ok(http.getAsAdmin("/api/articles?category=world"), "listing"));
        answers.put("/api/articles?tag=nato", ok(http.getAsAdmin("/api/articles?tag=nato"), "tag listing"));
        for (String path : PATHS) {
            answers.put(path, masked(ok(http.get(path), path)));
        }
        String export = ok(http.getAsAdmin("/api/articles/export"), "export");
        List<String> lines = new ArrayList<>(List.of(export.split("\n")));
        answers.put("export articles", String.join("\n", lines.subList(0, lines.size() - 1)));
        return answers;
    }

    /** The answer's body, the times of the article written after the upgrade masked (they are the wall clock's). */
    private static String ok(Http.Answer answer, String what) {
        assertEquals(200, answer.status(), what + ": " + answer.body());
        return answer.body().replaceAll("\"(createdAt|updatedAt)\":\"(?!2022-)[^\"]*\"", "\"$1\":\"now\"");
    }

    private static String masked(String body) {
        return body.replaceAll("<lastBuildDate>[^<]*</lastBuildDate>", "<lastBuildDate/>")
                .replaceFirst("(<feed[^>]*>(?:(?!<entry)[\\s\\S])*?)<updated>[^<]*</updated>", "$1<updated/>");
    }

    /** Migrates a new database to version 8 and writes the articles as version 8 stored them. */
    private static void writeVersion8(Map<String, Object> properties) throws Exception {
        String url = (String) properties.get("datasources.default.url");
        String user = (String) properties.getOrDefault("datasources.default.username", "sa");
        String password = (String) properties.getOrDefault("datasources.default.password", "");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("8").load().migrate();
        try (Connection c = TestDatabase.connect(url)) {
            for (String slug : List.of("europe", "world")) {
                update(c, "INSERT INTO category (slug, name) VALUES (?, ?)", slug, Category.defaultName(slug));
            }
            for (Map<String, Object> a : articles()) {
                Version8Rows.write(c, a);
            }
            update(c, "ALTER TABLE article ALTER COLUMN id RESTART WITH 7"); // ids 3, 4 and 6 were deleted
        }
    }

    static void update(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    static OffsetDateTime utc(Object iso) {
        return iso == null ? null : Instant.parse((String) iso).atOffset(ZoneOffset.UTC);
    }
}
