package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bulk import: chunks written whole or line by line, streamed bodies, and nothing half-written. */
@MicronautTest(transactional = false)
class ImportTest extends HttpTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Test
    void badLinesInTheMiddleOfAChunkRejectOnlyThemselves() {
        List<String> lines = articles("mid", 1200, "middle");
        lines.set(699, "{\"title\": \"broken");
        lines.set(700, Fixtures.json(Fixtures.with(Fixtures.article("mid-bad", "2022-01-01T00:00:00Z", "middle"), "title", null)));
        JsonNode result = importLines(String.join("\n", lines));
        assertEquals(1198, result.get("created").getIntValue());
        assertEquals(2, result.get("rejectedCount").getIntValue());
        assertEquals(700, result.get("rejected").get(0).get("line").getIntValue());
        assertEquals(701, result.get("rejected").get(1).get("line").getIntValue());
        assertEquals("title", result.get("rejected").get(1).get("errors").get(0).get("field").getStringValue());
        assertEquals(1198, total("middle"));
        assertEquals(50, FeedParsers.parse(FeedFormat.ATOM, http.get("/feeds/middle.atom").body()).items().size());
        assertEquals(200, http.get("/feeds/middle.atom?page=20").status(), "1,198 items: numbered pages up to 20");
        assertEquals(400, http.get("/feeds/middle.atom?page=24").status(), "page 24 of 24 is reached by cursor");
    }

    @Test
    void aLineTheDatabaseRefusesIsRejectedAloneAndNothingOfItIsStored() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE article ADD CONSTRAINT refuse_one CHECK (title <> 'refused by the database')");
            try {
                List<String> lines = articles("db", 30, "refusals");
                lines.set(14, Fixtures.json(Fixtures.with(Fixtures.article("db-refused", "2022-01-01T00:00:00Z", "refusals"),
                        "title", "refused by the database")));
                JsonNode result = importLines(String.join("\n", lines));
                assertEquals(29, result.get("created").getIntValue());
                assertEquals(15, result.get("rejected").get(0).get("line").getIntValue());
                assertEquals("db-refused", result.get("rejected").get(0).get("slug").getStringValue());
            } finally {
                statement.execute("ALTER TABLE article DROP CONSTRAINT refuse_one");
            }
            assertEquals(404, http.getAsAdmin("/api/articles/db-refused").status());
            assertEquals(0, count(statement, "SELECT COUNT(*) FROM article WHERE slug = 'db-refused'"),
                    "no row of the refused article");
            assertEquals(29, count(statement, "SELECT COUNT(*) FROM article WHERE slug LIKE 'db-%' AND images IS NOT NULL"),
                    "every accepted article with its pictures");
            assertEquals(29, count(statement, "SELECT COUNT(*) FROM feed_item WHERE feed = 'category:refusals'"));
        }
        assertEquals(29, FeedParsers.parse(FeedFormat.JSON, http.get("/feeds/refusals.json").body()).items().size());
    }

    @Test
    void aLineLongerThanAnyArticleIsRejectedWithoutBeingHeld() {
        String good1 = Fixtures.json(Fixtures.article("long-1", "2022-01-01T00:00:00Z", "long-lines"));
        String good2 = Fixtures.json(Fixtures.article("long-2", "2022-01-01T00:01:00Z", "long-lines"));
        JsonNode result = importLines(good1 + "\n" + "x".repeat(5 * 1024 * 1024) + "\n" + good2);
        assertEquals(2, result.get("created").getIntValue());
        assertEquals(2, result.get("rejected").get(0).get("line").getIntValue());
        assertTrue(result.get("rejected").get(0).get("errors").get(0).get("message").getStringValue().contains("longer than"));
    }

    @Test
    void theSameSlugTwiceInOneImportIsCreatedThenReplaced() {
        String first = Fixtures.json(Fixtures.article("twice", "2022-01-01T00:00:00Z", "twice"));
        String second = Fixtures.json(Fixtures.with(Fixtures.article("twice", "2022-01-01T00:00:00Z", "twice"), "title", "second"));
        JsonNode result = importLines(first + "\n" + second);
        assertEquals(1, result.get("created").getIntValue());
        assertEquals(1, result.get("updated").getIntValue());
        assertEquals(List.of("second"), FeedParsers.parse(FeedFormat.RSS, http.get("/feeds/twice.rss").body()).items()
                .stream().map(i -> i.title()).toList());
    }

    @Test
    void aHundredMegabyteImportIsStoredWhileItIsStillArriving() {
        int lines = 500;
        String body = "<p>" + "Streamed archive text. ".repeat(9_000) + "</p>"; // about 200 kB a line
        AtomicLong storedBeforeTheEnd = new AtomicLong(-1);
        InputStream source = new InputStream() {
            int line;
            byte[] current = new byte[0];
            int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position == current.length) {
                    if (line == lines) {
                        return -1;
                    }
                    if (line == lines * 3 / 4) {
                        // three quarters sent: the first chunks must already be stored
                        storedBeforeTheEnd.set(awaitStored("streamed"));
                    }
                    Map<String, Object> article = Fixtures.with(Fixtures.article("stream-" + line,
                            Instant.parse("2022-01-01T00:00:00Z").plusSeconds(line).toString(), "streamed"), "body", body);
                    current = (Fixtures.json(article) + "\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                    line++;
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, buffer, offset, n);
                position += n;
                return n;
            }
        };
        Http.Answer answer = http.send(http.admin("/api/articles/import").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> source)));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(lines, FeedParsers.jsonTree(answer.body()).get("created").getIntValue());
        assertTrue(storedBeforeTheEnd.get() > 0, "articles stored before the body ended: " + storedBeforeTheEnd.get());
        assertEquals(lines, total("streamed"));
    }

    /** Waits up to 30 s for the category to hold an article; returns how many it holds then. */
    private long awaitStored(String category) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long stored = total(category);
        while (stored == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stored;
            }
            stored = total(category);
        }
        return stored;
    }

    private long total(String category) {
        return FeedParsers.jsonTree(http.getAsAdmin("/api/articles?size=1&category=" + category).body()).get("total").getLongValue();
    }

    private JsonNode importLines(String ndjson) {
        Http.Answer answer = http.importLines(ndjson);
        assertEquals(200, answer.status(), answer.body());
        return FeedParsers.jsonTree(answer.body());
    }

    private static List<String> articles(String prefix, int count, String category) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(Fixtures.json(Fixtures.article(prefix + "-" + i,
                    Instant.parse("2022-01-01T00:00:00Z").plusSeconds(60L * i).toString(), category)));
        }
        return lines;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
