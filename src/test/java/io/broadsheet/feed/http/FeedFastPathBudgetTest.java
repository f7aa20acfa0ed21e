package io.broadsheet.feed.http;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loop's copy of a representation counts in the feed cache's budget: one that fits only without its copy
 * stays cached and is served by the route, never dropped by its own copy.
 */
@MicronautTest(transactional = false)
class FeedFastPathBudgetTest extends HttpTest {

    @Inject
    FeedCache cache;

    @Inject
    FeedFastPath fast;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("broadsheet.feed-cache-mib", "1");
        return properties;
    }

    @Test
    void aRepresentationTooBigForASecondCopyStaysCachedAndIsServedByTheRoute() {
        // one JSON document of about 400 KB: held, it takes about 800 KB of the 1 MiB; a copy would not fit
        String body = "<p>" + "Unrepeatable text. ".repeat(21_000) + "</p>";
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("big-1",
                "2026-01-01T00:00:00Z", "big"), "body", body))).status());
        // and a small feed, served on the event loop all along
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("small-1",
                "2026-01-01T00:00:00Z", "small"))).status());
        assertEquals(200, http.get("/feeds/small.json").status());
        long before = fast.answered();
        for (int i = 0; i < 4; i++) {
            assertEquals(1, FeedParsers.parse(FeedFormat.JSON, http.get("/feeds/big.json").body()).items().size());
            assertTrue(cache.heldBytes() > 700 * 1024, "the big feed stays cached: " + cache.heldBytes());
        }
        assertEquals(before, fast.answered(), "the big feed is answered by the route");
        assertEquals(200, http.get("/feeds/small.json").status());
        assertEquals(before + 1, fast.answered());
        assertTrue(cache.heldBytes() <= 1024 * 1024, "held " + cache.heldBytes());
    }
}
