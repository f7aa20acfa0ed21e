package io.broadsheet.feed;

import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered feeds as bytes, identity and gzip, each rendered and compressed once and served until a change
 * touches its feed or an embargo in it lifts.
 *
 * <p>Read-after-write: each feed's entries live in a {@link Generation} that an invalidation replaces. A render
 * takes its generation before reading the database and stores into it, so a render that raced a write lands
 * in a discarded generation and is never served after the write has been answered.
 */
@Singleton
public class FeedCache {

    /** Pages past this are rendered on each request rather than kept. */
    static final int CACHED_PAGES = 10;
    /** Earlier versions remembered per feed and format, for RFC 3229 deltas. */
    static final int VERSIONS_KEPT = 64;

    private final FeedService feeds;
    private final Clock clock;
    private final Map<String, Generation> generations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Instant>> versions = new ConcurrentHashMap<>();

    public FeedCache(FeedService feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /**
     * One representation, ready to serve.
     *
     * @param etag     strong validator of the identity bytes
     * @param gzipEtag strong validator of the gzip bytes
     */
    public record Entry(FeedService.Rendered rendered, byte[] gzip, String etag, String gzipEtag) {

        public boolean freshAt(Instant now) {
            return rendered.validUntil() == null || now.isBefore(rendered.validUntil());
        }
    }

    private record Key(FeedFormat format, int page) {
    }

    /** Entries rendered since the feed last changed. */
    private static final class Generation {
        final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    }

    /** The cached entry if it is still fresh, without rendering. */
    public Optional<Entry> peek(String name, FeedFormat format, int page) {
        Generation generation = generations.get(name);
        Entry entry = generation == null ? null : generation.entries.get(new Key(format, page));
        return entry != null && entry.freshAt(clock.instant()) ? Optional.of(entry) : Optional.empty();
    }

    /** The entry, rendered now if it is missing or stale; blocks on the database. */
    public Entry get(String name, FeedFormat format, int page) {
        Generation generation = generations.computeIfAbsent(name, n -> new Generation());
        Key key = new Key(format, page);
        Entry entry = generation.entries.get(key);
        if (entry != null && entry.freshAt(clock.instant())) {
            return entry;
        }
        synchronized (generation) {
            entry = generation.entries.get(key);
            if (entry != null && entry.freshAt(clock.instant())) {
                return entry;
            }
            try {
                entry = entry(feeds.render(name, format, page));
            } catch (RuntimeException e) {
                // an unknown feed or page leaves nothing behind: requests for made-up names cannot grow the cache
                if (generation.entries.isEmpty()) {
                    generations.remove(name, generation);
                }
                throw e;
            }
            if (page <= CACHED_PAGES) {
                generation.entries.put(key, entry);
            }
        }
        if (page == 1) {
            Map<String, Instant> known = versions.computeIfAbsent(name + "." + format.extension(), k -> history());
            synchronized (known) {
                known.put(entry.etag(), entry.rendered().lastModified());
                known.put(entry.gzipEtag(), entry.rendered().lastModified());
            }
        }
        return entry;
    }

    /** When the first page whose validator is {@code etag} was current: the base of a delta, if still known. */
    public Optional<Instant> versionTime(String name, FeedFormat format, String etag) {
        Map<String, Instant> known = versions.get(name + "." + format.extension());
        if (known == null) {
            return Optional.empty();
        }
        synchronized (known) {
            return Optional.ofNullable(known.get(etag));
        }
    }

    /** Drops every entry of the named feeds: the next request renders them anew. */
    public void invalidate(Collection<String> names) {
        names.forEach(name -> generations.put(name, new Generation()));
    }

    public void invalidateAll() {
        generations.replaceAll((name, old) -> new Generation());
    }

    /** A gzip copy of a rendered feed and the validators of both. */
    static Entry entry(FeedService.Rendered rendered) {
        byte[] gzip = gzip(rendered.bytes());
        String tag = digest(rendered.bytes());
        return new Entry(rendered, gzip, "\"" + tag + "\"", "\"" + tag + "-gzip\"");
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

    /** Validators to the time their version was current, oldest dropped first; guarded by itself. */
    private static Map<String, Instant> history() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > 2 * VERSIONS_KEPT;
            }
        };
    }
}
