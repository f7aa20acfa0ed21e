package io.broadsheet.sitemap;

import io.broadsheet.storage.SitemapQueries;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered sitemaps, the index's page summaries, the pages known to list nothing and the highest article id, kept
 * until a change touches them or their time runs out.
 *
 * <p>Read-after-write, per document: every invalidation takes the next number of one sequence and stamps the names it
 * touches with it (a page, and always the index and the news sitemap; all of them when anything may have changed). A
 * render takes the sequence before reading the database and keeps what it read only if its own name was not stamped
 * since, so a render that raced a write to its page is never kept, and one that raced a write elsewhere is (as
 * {@code feed.FeedCache} keeps a generation per feed). Memory: the documents held are at most
 * {@code broadsheet.sitemaps.cache-mib} of compressed bytes, the least recently served going first; only names that
 * exist are rendered (an unknown page is refused before), and summaries, stamps and empty pages are one per page of
 * the archive at most.
 */
final class SitemapCache {

    private final long budget;
    /** Documents by name, least recently served first; guarded by {@code this}. */
    private final LinkedHashMap<String, Sitemaps.Document> documents = new LinkedHashMap<>(16, 0.75f, true);
    /** The index's page summaries by page number, for the pages no change touched; guarded by {@code this}. */
    private final Map<Long, SitemapQueries.Summary> summaries = new HashMap<>();
    /** Pages in range that list no article (404); guarded by {@code this}. */
    private final Set<String> empty = new HashSet<>();
    /** Each name touched since {@link #everything}, with the number of its latest invalidation; guarded by this. */
    private final Map<String, Long> touched = new HashMap<>();
    private long held;
    /** Numbers invalidations; guarded by {@code this}. */
    private long sequence;
    /** The number of the latest invalidation of everything; guarded by {@code this}. */
    private long everything;
    /** The highest article id, kept with the index, or -1; guarded by {@code this}. */
    private long maxId = -1;
    private boolean coherent = true;
    /** The next embargo anywhere when what is held was read, or null; guarded by {@code this}. */
    private Instant horizon;

    SitemapCache(long budgetBytes) {
        this.budget = budgetBytes;
    }

    /** The current number of the sequence, taken before a render reads the database. */
    synchronized long generation(Instant now) {
        return sequence;
    }

    /**
     * The horizon once {@code now} has reached it, or null: the embargoes that lifted from then on touch what is held
     * (their pages, the index and the news sitemap go, {@link #invalidate}). It is handed out once.
     */
    synchronized Instant due(Instant now) {
        Instant due = horizon;
        if (due == null || now.isBefore(due)) {
            return null;
        }
        horizon = null;
        return due;
    }

    /**
     * The next embargo anywhere, read at {@code now}: what it touches goes stale then (an earlier horizon than needed
     * costs one query). One already due (a release the timer has not announced yet) is no horizon: the reads take
     * {@code now} themselves, so a failing timer does not turn the cache off.
     */
    synchronized void horizon(Instant at, Instant now) {
        if (at != null && at.isAfter(now) && (horizon == null || at.isBefore(horizon))) {
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

    /** Whether page {@code name} is known to list nothing. */
    synchronized boolean empty(String name) {
        return empty.contains(name);
    }

    /** Keeps {@code document} unless its name was invalidated after {@code taken}. */
    synchronized void put(String name, Sitemaps.Document document, long taken) {
        if (!current(name, taken) || document.gzip().length > budget) {
            return;
        }
        Sitemaps.Document old = documents.put(name, document);
        held += document.gzip().length - (old == null ? 0 : old.gzip().length);
        for (Iterator<Sitemaps.Document> oldest = documents.values().iterator(); held > budget && oldest.hasNext(); ) {
            held -= oldest.next().gzip().length;
            oldest.remove();
        }
    }

    /** Keeps that page {@code name} lists nothing, unless it was invalidated after {@code taken}. */
    synchronized void putEmpty(String name, long taken) {
        if (current(name, taken)) {
            empty.add(name);
        }
    }

    /** The summary of page {@code page}, computed by {@code read} unless held; kept if its page was not touched. */
    SitemapQueries.Summary summary(long page, Supplier<SitemapQueries.Summary> read) {
        long taken;
        synchronized (this) {
            SitemapQueries.Summary held = summaries.get(page);
            if (held != null) {
                return held;
            }
            taken = sequence;
        }
        SitemapQueries.Summary summary = read.get();
        synchronized (this) {
            if (current(Sitemaps.pageName(page), taken)) {
                summaries.put(page, summary);
            }
        }
        return summary;
    }

    /** The highest article id, read by {@code read} unless held; it goes with the index. */
    long maxId(LongSupplier read) {
        long taken;
        synchronized (this) {
            if (maxId >= 0) {
                return maxId;
            }
            taken = sequence;
        }
        long id = read.getAsLong();
        synchronized (this) {
            if (current(Sitemaps.INDEX, taken)) {
                maxId = id;
            }
        }
        return id;
    }

    /** Pages {@code pages} changed: their documents and summaries go, and so do the index and the news sitemap. */
    synchronized void invalidate(Iterable<Long> pages) {
        sequence++;
        for (long page : pages) {
            summaries.remove(page);
            touch(Sitemaps.pageName(page));
        }
        touch(Sitemaps.INDEX);
        touch(Sitemaps.NEWS);
        maxId = -1;
    }

    /** Anything may have changed (another instance wrote, a notice was missed): everything goes. */
    synchronized void invalidateAll() {
        everything = ++sequence;
        touched.clear();
        documents.clear();
        summaries.clear();
        empty.clear();
        held = 0;
        maxId = -1;
        horizon = null;
    }

    /** While changes made elsewhere could go unnoticed nothing is kept; {@code coherent} again starts afresh. */
    synchronized void coherent(boolean now) {
        invalidateAll();
        coherent = now;
    }

    /** Whether nothing touched {@code name} since generation {@code taken} (and changes elsewhere are heard). */
    synchronized boolean current(String name, long taken) {
        return coherent && everything <= taken && touched.getOrDefault(name, 0L) <= taken;
    }

    private void touch(String name) {
        touched.put(name, sequence);
        empty.remove(name);
        Sitemaps.Document document = documents.remove(name);
        if (document != null) {
            held -= document.gzip().length;
        }
    }
}
