package io.broadsheet.feed;

import io.broadsheet.config.ContentMode;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Assembled feed items by article version, so that a page rendered again after one of its articles changed
 * loads and assembles only that one. Bounded by bytes ({@code broadsheet.item-cache-mib}); the least
 * recently used item goes first. A key names everything an item is made of: the article's id and version,
 * the content mode, and the category names it is labelled with.
 */
@Singleton
public class ItemCache {

    /**
     * @param categoryNames a digest of the category names in force (a rename relabels items everywhere)
     */
    public record Key(long articleId, long version, ContentMode content, int categoryNames) {
    }

    private record Slot(FeedItem item, long size) {
    }

    private final long budget;
    private final LinkedHashMap<Key, Slot> items = new LinkedHashMap<>(256, 0.75f, true);
    private long held;

    public ItemCache(FeedSettings settings) {
        this.budget = settings.itemCacheMib() * 1024L * 1024L;
    }

    public synchronized FeedItem get(Key key) {
        Slot slot = items.get(key);
        return slot == null ? null : slot.item();
    }

    public synchronized void put(Key key, FeedItem item) {
        long size = size(item);
        Slot replaced = items.put(key, new Slot(item, size));
        held += size - (replaced == null ? 0 : replaced.size());
        var eldest = items.entrySet().iterator();
        while (held > budget && eldest.hasNext()) {
            Map.Entry<Key, Slot> e = eldest.next();
            held -= e.getValue().size();
            eldest.remove();
        }
    }

    /** Bytes held now: never more than the budget once a put has returned. */
    public synchronized long heldBytes() {
        return held;
    }

    /** About the bytes an item holds: its text as UTF-16, and room for its small parts. */
    private static long size(FeedItem item) {
        long chars = length(item.title()) + length(item.summary()) + length(item.contentHtml()) + length(item.url());
        for (FeedImage image : item.images()) {
            chars += length(image.url()) + length(image.caption()) + length(image.credit()) + length(image.alt())
                    + length(image.copyright()) + length(image.license());
            for (FeedImage.Rendition rendition : image.renditions()) {
                chars += length(rendition.url()) + length(rendition.mimeType()) + 32;
            }
        }
        return 2 * chars + 512L + 256L * (item.authors().size() + item.categories().size() + item.tags().size());
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }
}
