package io.broadsheet.feed;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendered feeds held in memory stay within their byte budget, however many feeds and pages are asked for. */
@MicronautTest(transactional = false)
class FeedCacheBudgetTest extends HttpTest {

    @Inject
    FeedCache cache;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("broadsheet.feed-cache-mib", "1");
        return properties;
    }

    @Test
    void manyFeedsAndPagesNeverHoldMoreThanTheBudget() {
        StringBuilder ndjson = new StringBuilder();
        String body = "<p>" + "Budgeted text. ".repeat(400) + "</p>";
        for (int i = 0; i < 600; i++) {
            ndjson.append(Fixtures.json(Fixtures.with(Fixtures.article("budget-" + i,
                    Instant.parse("2022-01-01T00:00:00Z").plusSeconds(60L * i).toString(), "desk-" + i % 12), "body", body)))
                    .append('\n');
        }
        assertEquals(200, http.importLines(ndjson.toString()).status());
        for (int round = 0; round < 2; round++) {
            for (int desk = 0; desk < 12; desk++) {
                for (FeedFormat format : FeedFormat.values()) {
                    String path = "/feeds/desk-" + desk + "." + format.extension();
                    assertEquals(50, FeedParsers.parse(format, http.get(path).body()).items().size(), path);
                    assertTrue(cache.heldBytes() <= 1024 * 1024, "held " + cache.heldBytes() + " bytes after " + path);
                }
            }
            for (int page = 1; page <= 10; page++) {
                assertEquals(200, http.get("/feeds/all.json?page=" + page).status());
                assertTrue(cache.heldBytes() <= 1024 * 1024, "held " + cache.heldBytes() + " bytes");
            }
        }
        assertTrue(cache.heldBytes() > 512 * 1024, "the budget is used, not left empty: " + cache.heldBytes());
    }
}
