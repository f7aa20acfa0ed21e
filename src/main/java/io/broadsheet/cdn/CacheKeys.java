package io.broadsheet.cdn;

import io.broadsheet.config.FeedDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * The cache keys a feed's answers carry, so that a CDN can drop its copies by key: {@code feed:<name>} (that feed,
 * every format and page), {@code category:<slug>} for each category it selects, and {@code feeds} (every feed).
 * The two header values are built once per render, so serving a cached feed only copies them.
 * Specs: https://www.fastly.com/documentation/reference/http/http-headers/Surrogate-Key/,
 * https://developers.cloudflare.com/cache/how-to/purge-cache/purge-by-tags/
 *
 * @param keys         the keys, most specific first; empty for a partner feed
 * @param surrogateKey the keys as Fastly's {@code Surrogate-Key} lists them: separated by spaces
 * @param cacheTag     the keys as Cloudflare's {@code Cache-Tag} lists them: separated by commas
 */
public record CacheKeys(List<String> keys, String surrogateKey, String cacheTag) {

    /** The key every public feed carries: purging it drops them all. */
    public static final String EVERY_FEED = "feeds";
    /** What partner feeds carry. */
    public static final CacheKeys NONE = new CacheKeys(List.of(), "", "");

    public CacheKeys {
        keys = List.copyOf(keys);
    }

    /**
     * The keys of a feed's answers. {@code category:<slug>} marks the feeds that select that category by name: its
     * own feed and the named feeds that list it. A feed that selects every article ({@code all}, a named feed
     * without categories or tags) lists no category, and no {@code feed:} key but its own: categories are
     * open-ended (one is made on first use, after a copy was cached), and the header would grow with them.
     * Partner feeds carry none: they are {@code Cache-Control: private}, which no shared cache stores
     * (RFC 9111 5.2.2.7), so a CDN holds no copy to drop, and none is ever purged.
     */
    public static CacheKeys of(FeedDefinition feed) {
        if (feed.partnerOnly()) {
            return NONE;
        }
        List<String> keys = new ArrayList<>();
        keys.add(feedKey(feed.name()));
        feed.categories().forEach(slug -> keys.add("category:" + slug));
        keys.add(EVERY_FEED);
        return new CacheKeys(keys, String.join(" ", keys), String.join(",", keys));
    }

    /** The key of one feed: what a purge names when that feed changed. */
    public static String feedKey(String name) {
        return "feed:" + name;
    }

    /** False for partner feeds, whose answers name no key. */
    public boolean any() {
        return !keys.isEmpty();
    }
}
