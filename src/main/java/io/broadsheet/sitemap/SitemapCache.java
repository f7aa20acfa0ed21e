package io.broadsheet.sitemap;

import io.broadsheet.storage.SitemapQueries;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rendered sitemaps and the index's page summaries, kept until a change touches them or their time runs out.
 *
 * <p>Read-after-write: a render takes the generation before reading the database and stores only if no
 * invalidation came since, so a render that raced a write is never kept. Memory: the documents held are at most
 * {@code broadsheet.sitemaps.cache-mib} of compressed bytes, the least recently served going first; only names that
 * exist are rendered (an unknown page is refused before), and summaries are one per page of the archive.
 */
final class SitemapCache {

    private final long budget;
    /** Documents by name, least recently served first; guarded by {@code this}. */
    private final LinkedHashMap<String, Sitemaps.Document> documents = new LinkedHashMap<>(16, 0.75f, true);
    /** The index's page summaries by page number, for the pages no change touched; guarded by {@code this}. */
    private final Map<Long, SitemapQueries.Summary> summaries = new HashMap<>();
    private long held;
    private long generation;
    private boolean coherent = true;
    /** The next embargo or expiry anywhere when the held summaries were read, or null; guarded by {@code this}. */
    private Instant horizon;

    SitemapCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /**
     * The current generation, taken before a render reads the database; once {@code now} reaches the horizon (an
     * embargo lifts, an article's window ends) everything held goes first.
     */
    synchronized long generation(Instant now) {
        if (horizon != null && !now.isBefore(horizon)) {
            invalidateAll();
        }
        return generation;
    }

    /** The next embargo or expiry anywhere, read in generation {@code taken}: what is held goes stale then. */
    synchronized void horizon(Instant at, long taken) {
        if (taken == generation && at != null && (horizon == null || at.isBefore(horizon))) {
            horizon = at;
        }
    }

    /** The document {@code name} while it is valid at {@code now}; a stale one leaves. */
    synchronized Sitemaps.Document get(String name, Instant now) {
        Sitemaps.Document document = documents.get(name);
        if (document != null && document.validUntil() != null && !now.isBefore(document.validUntil())) {
            held -= documents.remove(name).gzip().length;
            return null;
        }
        return document;
    }

    /** Keeps {@code document} unless an invalidation came after {@code taken}. */
    synchronized void put(String name, Sitemaps.Document document, long taken) {
        if (taken != generation || !coherent || document.gzip().length > budget) {
            return;
        }
        Sitemaps.Document old = documents.put(name, document);
        held += document.gzip().length - (old == null ? 0 : old.gzip().length);
        for (Iterator<Sitemaps.Document> oldest = documents.values().iterator(); held > budget && oldest.hasNext(); ) {
            held -= oldest.next().gzip().length;
            oldest.remove();
        }
    }

    /** The summary of page {@code page}, computed by {@code read} unless held. */
    SitemapQueries.Summary summary(long page, long taken, Supplier<SitemapQueries.Summary> read) {
        synchronized (this) {
            SitemapQueries.Summary held = summaries.get(page);
            if (held != null) {
                return held;
            }
        }
        SitemapQueries.Summary summary = read.get();
        synchronized (this) {
            if (taken == generation && coherent) {
                summaries.put(page, summary);
            }
        }
        return summary;
    }

    /** Pages {@code pages} changed: their documents and summaries go, and so do the index and the news sitemap. */
    synchronized void invalidate(Iterable<Long> pages) {
        generation++;
        for (long page : pages) {
            summaries.remove(page);
            drop(Sitemaps.pageName(page));
        }
        drop(Sitemaps.INDEX);
        drop(Sitemaps.NEWS);
    }

    /** Anything may have changed (another instance wrote, an embargo lifted): everything goes. */
    synchronized void invalidateAll() {
        generation++;
        documents.clear();
        summaries.clear();
        held = 0;
        horizon = null;
    }

    /** While changes made elsewhere could go unnoticed nothing is kept; {@code coherent} again starts afresh. */
    synchronized void coherent(boolean now) {
        invalidateAll();
        coherent = now;
    }

    private void drop(String name) {
        Sitemaps.Document document = documents.remove(name);
        if (document != null) {
            held -= document.gzip().length;
        }
    }
}
