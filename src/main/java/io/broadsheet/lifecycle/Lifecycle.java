package io.broadsheet.lifecycle;

import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Item;
import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedTombstone;
import org.jdom2.Namespace;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle signals of the XML formats, as ROME modules written by the generators registered in
 * {@code rome.properties}: each RSS item's date of change ({@code dcterms:modified}), each item's usage window
 * ({@code dcterms:valid}), and the tombstones of withdrawn items at the top of the first page, as RSS items
 * ({@code dcterms:modified}, a {@code dcterms:valid} that has ended, {@code media:status}) and as RFC 6721
 * {@code at:deleted-entry} elements in Atom.
 * Specs: https://www.dublincore.org/specifications/dublin-core/dcmi-period/, https://www.rfc-editor.org/rfc/rfc6721,
 * https://www.rssboard.org/media-rss#optional-elements (media:status)
 */
public final class Lifecycle {

    public static final Namespace DCTERMS = Namespace.getNamespace("dcterms", "http://purl.org/dc/terms/");
    public static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");
    public static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");

    private Lifecycle() {
    }

    /** A DCMI period in W3C-DTF: {@code start=...; end=...; scheme=W3C-DTF}; start may be null. */
    public static String period(Instant start, Instant end) {
        return (start == null ? "" : "start=" + date(start) + "; ") + "end=" + date(end) + "; scheme=W3C-DTF";
    }

    /** RFC 3339 / W3C-DTF, in UTC. */
    public static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * An RSS item's lifecycle, or null when it has none to show. RSS has no date of change: an item that changed
     * since its publication (a correction, a restore) carries it as {@code dcterms:modified}, the date partners
     * re-ingest by.
     */
    public static ItemLifecycle rssItem(FeedItem item) {
        String modified = item.updated().isAfter(item.published()) ? date(item.updated()) : null;
        String valid = validity(item);
        return modified == null && valid == null ? null : new ItemLifecycle(modified, valid);
    }

    /** An Atom entry's usage window, or null when it has none (Atom's own {@code updated} dates the change). */
    public static ItemLifecycle atomEntry(FeedItem item) {
        String valid = validity(item);
        return valid == null ? null : new ItemLifecycle(null, valid);
    }

    /** The feed's tombstones as RSS items, to stand ahead of its items. */
    public static List<Item> rssTombstoneItems(Feed feed) {
        List<Item> items = new ArrayList<>(feed.tombstones().size());
        for (FeedTombstone t : feed.tombstones()) {
            Item item = new Item();
            item.setTitle(FeedTombstone.TITLE);
            item.setLink(t.url());
            Description description = new Description();
            // description is HTML by the RSS spec: the plain text escaped, as item summaries are
            description.setValue(Entities.escape(t.text()));
            item.setDescription(description);
            item.setModules(new ArrayList<>(List.of(new Tombstones(List.of(t), feed.mediaRss15()))));
            items.add(item);
        }
        return items;
    }

    /** The feed's tombstones as an Atom feed module, or null when it has none. */
    public static Tombstones atomTombstones(Feed feed) {
        return feed.tombstones().isEmpty() ? null : new Tombstones(feed.tombstones(), feed.mediaRss15());
    }

    private static String validity(FeedItem item) {
        return item.expires() == null ? null : period(item.published(), item.expires());
    }
}
