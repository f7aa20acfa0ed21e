package io.broadsheet.feed;

import io.micronaut.runtime.event.annotation.EventListener;
import io.broadsheet.cluster.ClusterNotice;
import io.broadsheet.metrics.BroadsheetMetrics;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered feeds as bytes, identity and gzip, each rendered and compressed once and served until a change
 * touches its feed or an embargo in it lifts.
 *
 * <p>Read-after-write: each feed's entries live in a {@link Generation} that an invalidation replaces. A render
 * takes its generation before reading the database and stores into it, so a render that raced a write lands
 * in a discarded generation and is never served after the write has been answered.
 *
 * <p>Memory: the entries of all feeds together hold at most {@code broadsheet.feed-cache-mib} of bytes; past
 * that, the entries served longest ago go first. A hit only stamps its entry, so serving stays lock-free.
 */
@Singleton
public class FeedCache {

    /** Pages past this are rendered on each request rather than kept. */
    static final int CACHED_PAGES = 10;
    private final FeedService feeds;
    private final Clock clock;
    private final BroadsheetMetrics metrics;
    private final long budget;
    private final Map<String, Generation> generations = new ConcurrentHashMap<>();
    private final FeedVersions versions;
    /** False while changes made elsewhere could go unnoticed (see ChangeListener): nothing is kept or served. */
    private volatile boolean coherent = true;
    /** Bytes held by the entries of the current generations; guarded by {@code this}. */
    private long held;
    private final AtomicLong ticks = new AtomicLong();

    public FeedCache(FeedService feeds, FeedVersions versions, Clock clock, BroadsheetMetrics metrics,
                     FeedSettings settings) {
        this.feeds = feeds;
        this.versions = versions;
        this.clock = clock;
        this.metrics = metrics;
        this.budget = settings.feedCacheMib() * 1024L * 1024L;
    }

    /**
     * One representation, ready to serve, with the validators of its two codings; what the web layer derives from it
     * (the browser's page of it, the event loop's copies) hangs on it ({@link FeedCache#attachment}).
     */
    public static final class Entry {

        private final FeedService.Rendered rendered;
        private final byte[] gzip;
        private final String etag;
        private final String gzipEtag;
        /** When it was last served, in {@link #ticks}: the oldest goes first when the budget is spent. */
        private volatile long lastServed;
        /**
         * What the web layer derives from it to serve it, while it is held, at most one of each type (see
         * {@link FeedCache#attachment}): replaced, never changed, so a read needs no lock.
         */
        private volatile Attachment[] attachments = NONE;
        /** The bytes of the attachments, counted in the budget; guarded by the cache. */
        private long attached;
        /** Whether its bytes are counted in {@link #held}: from its store until it is dropped; guarded by the cache. */
        private boolean counted;

        Entry(FeedService.Rendered rendered, byte[] gzip, String tag) {
            this.rendered = rendered;
            this.gzip = gzip;
            this.etag = "\"" + tag + "\"";
            this.gzipEtag = "\"" + tag + "-gzip\"";
        }

        public FeedService.Rendered rendered() {
            return rendered;
        }

        public byte[] gzip() {
            return gzip;
        }

        public String etag() {
            return etag;
        }

        public String gzipEtag() {
            return gzipEtag;
        }

        public boolean freshAt(Instant now) {
            return rendered.validUntil() == null || now.isBefore(rendered.validUntil());
        }

        /**
         * The bytes it holds: the document, its gzip copy, the feed model kept for deltas (about the document), and
         * what is attached to it ({@link FeedCache#attachment}).
         */
        long size() {
            return 2L * rendered.bytes().length + gzip.length + attached;
        }
    }

    private static final Attachment[] NONE = new Attachment[0];

    private record Key(FeedFormat format, int page) {
    }

    /** Entries rendered since the feed last changed. */
    private static final class Generation {
        final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    }

    /** The bytes the cache holds now: never more than the budget once a store has returned. */
    public synchronized long heldBytes() {
        return held;
    }

    /** The cached entry if it is still fresh, without rendering. */
    public Optional<Entry> peek(String name, FeedFormat format, int page) {
        if (!coherent) {
            return Optional.empty();
        }
        Generation generation = generations.get(name);
        Entry entry = generation == null ? null : generation.entries.get(new Key(format, page));
        if (entry != null && entry.freshAt(clock.instant())) {
            entry.lastServed = ticks.incrementAndGet();
            metrics.feedCacheHit();
            return Optional.of(entry);
        }
        return Optional.empty(); // not a miss yet: get() counts the lookup that follows
    }

    /** The entry, rendered now if it is missing or stale; blocks on the database. */
    public Entry get(String name, FeedFormat format, int page) {
        if (page > CACHED_PAGES || !coherent) {
            // never kept: rendered without waiting for the feed's lock
            return remember(name, page, entry(render(name, format, page)));
        }
        Generation generation = generations.computeIfAbsent(name, n -> new Generation());
        Key key = new Key(format, page);
        Entry entry = generation.entries.get(key);
        if (entry != null && entry.freshAt(clock.instant())) {
            entry.lastServed = ticks.incrementAndGet();
            metrics.feedCacheHit();
            return entry;
        }
        synchronized (generation) {
            entry = generation.entries.get(key);
            if (entry != null && entry.freshAt(clock.instant())) {
                metrics.feedCacheHit(); // rendered by the request this one waited for
                return entry;
            }
            try {
                entry = entry(render(name, format, page));
            } catch (RuntimeException e) {
                // an unknown feed or page leaves nothing behind: requests for made-up names cannot grow the cache
                if (generation.entries.isEmpty()) {
                    generations.remove(name, generation);
                }
                throw e;
            }
            entry.lastServed = ticks.incrementAndGet();
            store(name, generation, key, entry);
        }
        return remember(name, page, entry);
    }

    /**
     * The keyset page after {@code cursor}, rendered now and never kept: anyone may name any cursor, so these pages
     * would crowd the first pages out of the budget. Each is one range of the index, as cheap as a first page.
     */
    public Entry renderAfter(String name, FeedFormat format, FeedCursor cursor) {
        long start = System.nanoTime();
        FeedService.Rendered rendered = feeds.renderAfter(name, format, cursor);
        metrics.feedRendered(format.extension(), System.nanoTime() - start);
        metrics.feedCacheMiss();
        return entry(rendered);
    }

    /** A first page's validators are recorded as a possible base of later deltas, on any instance. */
    private Entry remember(String name, int page, Entry entry) {
        if (page == 1) {
            versions.record(name, entry.rendered().format(), entry.etag(), entry.rendered().lastModified());
        }
        return entry;
    }

    /** A render, counted as a miss and timed once it succeeded: an unknown feed or page is neither. */
    private FeedService.Rendered render(String name, FeedFormat format, int page) {
        long start = System.nanoTime();
        FeedService.Rendered rendered = feeds.render(name, format, page);
        metrics.feedRendered(format.extension(), System.nanoTime() - start);
        metrics.feedCacheMiss();
        return rendered;
    }

    /** When the first page whose validator is {@code etag} was current: the base of a delta, if still known. */
    public Optional<Instant> versionTime(String name, FeedFormat format, String etag) {
        return versions.changedAt(name, format, etag);
    }

    /** Stops keeping and serving entries, until {@link #resume()}: every request renders. */
    public void suspend() {
        coherent = false;
        invalidateAll();
    }

    public void resume() {
        coherent = true;
    }

    /** Drops every entry of the named feeds: the next request renders them anew. */
    public void invalidate(Collection<String> names) {
        names.forEach(name -> release(generations.put(name, new Generation())));
    }

    public void invalidateAll() {
        generations.keySet().forEach(name -> release(generations.put(name, new Generation())));
    }

    /** What another instance changed: its feeds' entries go; while nothing is heard, nothing is kept. */
    @EventListener
    public void onClusterNotice(ClusterNotice notice) {
        switch (notice.what()) {
            case FEEDS_CHANGED -> invalidate(notice.feeds());
            case EVERYTHING_CHANGED -> invalidateAll();
            case LISTENING -> resume();
            case NOT_LISTENING -> suspend();
            case KEYS_CHANGED -> {
                // partner keys open feeds, they are no part of them
            }
        }
    }

    /**
     * Something derived from an entry to serve it (the event loop's direct-memory copies, see feed.http.FeedFastPath; the
     * page a browser gets, see feed.http.BrowserView), at most one of each type per entry, whose resources are given back
     * once the entry is no longer held.
     */
    public interface Attachment {

        /** Gives back its resources: called once, when the entry leaves the cache. */
        void release();
    }

    /**
     * What {@code make} derives from {@code entry} to serve it, made on first use, kept with the entry and counted in
     * the budget as {@code bytes} while the entry is held, and released when the entry is dropped. Null when the entry
     * is no longer held, or when it would not fit in the budget together with it (it is then served without one).
     * Two threads may both make it the first time: one is kept, the other released at once.
     */
    public <T extends Attachment> T attachment(Entry entry, Class<T> type, Function<Entry, T> make, long bytes) {
        T current = attached(entry, type); // without the lock: the common case, already made
        if (current != null) {
            return current;
        }
        if (entry.size() + bytes > budget) {
            return null;
        }
        T made = make.apply(entry);
        synchronized (this) {
            current = attached(entry, type);
            if (entry.counted && current == null && entry.size() + bytes <= budget) {
                Attachment[] more = Arrays.copyOf(entry.attachments, entry.attachments.length + 1);
                more[more.length - 1] = made;
                entry.attachments = more;
                entry.attached += bytes;
                this.held += bytes;
                while (this.held > budget && evictLeastRecentlyServed()) {
                    // each pass drops one entry, the least recently served: never this one, just served, while it
                    // fits the budget alone
                }
                return made;
            }
        }
        made.release();
        return current;
    }

    /** The attachment of {@code type} the entry holds, or null: a lookup that never makes one. */
    public <T extends Attachment> T attached(Entry entry, Class<T> type) {
        for (Attachment attachment : entry.attachments) {
            if (type.isInstance(attachment)) {
                return type.cast(attachment);
            }
        }
        return null;
    }

    private synchronized void store(String name, Generation generation, Key key, Entry entry) {
        if (generations.get(name) != generation) {
            return; // invalidated while rendering: never served
        }
        Entry replaced = generation.entries.put(key, entry);
        entry.counted = true;
        held += entry.size() - (replaced == null ? 0 : uncount(replaced));
        while (held > budget && evictLeastRecentlyServed()) {
            // each pass drops one entry
        }
    }

    private synchronized void release(Generation dropped) {
        if (dropped != null) {
            dropped.entries.values().forEach(e -> held -= uncount(e));
        }
    }

    /** An entry no longer held: its size, which leaves the count; its attachment is released. */
    private long uncount(Entry entry) {
        entry.counted = false;
        long size = entry.size();
        Attachment[] attachments = entry.attachments;
        entry.attachments = NONE;
        entry.attached = 0;
        for (Attachment attachment : attachments) {
            attachment.release();
        }
        return size;
    }

    /** Drops the entry served longest ago; false when there is none. */
    private boolean evictLeastRecentlyServed() {
        Generation oldestIn = null;
        Key oldestKey = null;
        long oldest = Long.MAX_VALUE;
        for (Generation generation : generations.values()) {
            for (Map.Entry<Key, Entry> e : generation.entries.entrySet()) {
                if (e.getValue().lastServed < oldest) {
                    oldest = e.getValue().lastServed;
                    oldestIn = generation;
                    oldestKey = e.getKey();
                }
            }
        }
        if (oldestIn == null) {
            return false;
        }
        held -= uncount(oldestIn.entries.remove(oldestKey));
        return true;
    }

    /** A gzip copy of a rendered feed and the validators of every variant. */
    static Entry entry(FeedService.Rendered rendered) {
        return new Entry(rendered, gzip(rendered.bytes()), digest(rendered.bytes()));
    }

    /** Compresses as cached bodies are: gzip at the best compression, done once per render. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
