package io.broadsheet.feed;

import io.broadsheet.config.ContentMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Items are kept by article version, content mode and category names, within a byte budget. */
class ItemCacheTest {

    private static FeedItem item(String key, int bodyChars) {
        return new FeedItem("tag:" + key, "https://news.example.com/" + key, key + "-title", key + "-summary",
                "<p>" + "x".repeat(bodyChars) + "</p>", Instant.EPOCH, Instant.EPOCH, List.of(), List.of(), List.of(),
                "en", List.of());
    }

    @Test
    void anItemIsFoundOnlyUnderItsVersionModeAndNames() {
        ItemCache cache = new ItemCache(new FeedSettings(32, 1, Duration.ofDays(7)));
        cache.put(new ItemCache.Key(7, 2, ContentMode.FULL, 11), item("a7", 100));
        assertNotNull(cache.get(new ItemCache.Key(7, 2, ContentMode.FULL, 11)));
        assertNull(cache.get(new ItemCache.Key(7, 3, ContentMode.FULL, 11)), "another version");
        assertNull(cache.get(new ItemCache.Key(7, 2, ContentMode.SUMMARY, 11)), "another content mode");
        assertNull(cache.get(new ItemCache.Key(7, 2, ContentMode.FULL, 12)), "categories renamed since");
    }

    @Test
    void theBudgetHoldsAndTheLeastRecentlyUsedGoFirst() {
        ItemCache cache = new ItemCache(new FeedSettings(32, 1, Duration.ofDays(7)));
        for (int i = 0; i < 200; i++) {
            cache.put(new ItemCache.Key(i, 0, ContentMode.FULL, 0), item("a" + i, 20_000));
            cache.get(new ItemCache.Key(0, 0, ContentMode.FULL, 0)); // kept in use
            assertTrue(cache.heldBytes() <= 1024 * 1024, "held " + cache.heldBytes());
        }
        assertNotNull(cache.get(new ItemCache.Key(0, 0, ContentMode.FULL, 0)), "the item in use stays");
        assertNull(cache.get(new ItemCache.Key(1, 0, ContentMode.FULL, 0)), "an old one went");
        assertEquals("a199-title", cache.get(new ItemCache.Key(199, 0, ContentMode.FULL, 0)).title());
    }
}
