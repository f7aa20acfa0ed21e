package io.broadsheet.sitemap;

import io.broadsheet.storage.SitemapQueries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the sitemap cache keeps when changes come while renders are in progress. */
class SitemapCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final SitemapCache cache = new SitemapCache(1024 * 1024);

    private static Sitemaps.Document document(String tag) {
        return new Sitemaps.Document(new byte[]{1, 2, 3}, 3, "\"" + tag + "\"", "\"" + tag + "-gzip\"", NOW, null);
    }

    @Test
    void aPageRenderedWhileAnotherPageChangedIsKept() {
        long taken = cache.generation(NOW);
        cache.invalidate(List.of(3L));
        Sitemaps.Document page = document("page-1");
        cache.put(Sitemaps.pageName(1), page, taken);
        assertSame(page, cache.get(Sitemaps.pageName(1), NOW), "page 1 kept: only page 3 changed during its render");
    }

    @Test
    void aPageRenderedWhileItChangedIsNotKept() {
        long taken = cache.generation(NOW);
        cache.invalidate(List.of(1L));
        cache.put(Sitemaps.pageName(1), document("page-1"), taken);
        assertNull(cache.get(Sitemaps.pageName(1), NOW), "page 1 changed during its render: not kept");
    }

    @Test
    void aSummaryReadWhileItsPageChangedIsReadAgainAndTheOthersAreKept() {
        long taken = cache.generation(NOW);
        SitemapQueries.Summary one = new SitemapQueries.Summary(7, NOW);
        cache.summary(1, () -> one);
        cache.summary(3, () -> {
            cache.invalidate(List.of(3L)); // a write to page 3 while its summary is read
            return new SitemapQueries.Summary(9, NOW);
        });
        cache.put(Sitemaps.INDEX, document("index"), taken);
        assertNull(cache.get(Sitemaps.INDEX, NOW), "a page changed during the index's render: the index is not kept");
        assertSame(one, cache.summary(1, () -> new SitemapQueries.Summary(-1, NOW)),
                "page 1's summary, read before page 3 changed, is still held");
        SitemapQueries.Summary three = cache.summary(3, () -> new SitemapQueries.Summary(10, NOW));
        assertEquals(10, three.listed(), "page 3's summary is read again");
    }

    @Test
    void anEmbargoAlreadyDueIsNoHorizonAndDropsNothing() {
        long taken = cache.generation(NOW);
        cache.horizon(NOW.minusSeconds(60), NOW);
        cache.put(Sitemaps.pageName(1), document("page-1"), taken);
        assertNull(cache.due(NOW.plusSeconds(1)), "nothing due");
        assertNotNull(cache.get(Sitemaps.pageName(1), NOW.plusSeconds(1)),
                "a release time in the past (a timer that keeps failing) must not turn the cache off");
    }

    @Test
    void everythingChangedDropsWhatIsHeld() {
        long taken = cache.generation(NOW);
        cache.put(Sitemaps.pageName(1), document("page-1"), taken);
        assertNotNull(cache.get(Sitemaps.pageName(1), NOW), "kept before the change");
        cache.invalidateAll();
        assertNull(cache.get(Sitemaps.pageName(1), NOW), "dropped by a change anywhere");
    }
}
