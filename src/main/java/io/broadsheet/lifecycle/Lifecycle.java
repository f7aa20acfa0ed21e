package io.broadsheet.lifecycle;

import com.rometools.rome.io.impl.DateParser;
import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedTombstone;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The lifecycle signals of the XML formats, added to what ROME wrote: each RSS item's date of change
 * ({@code dcterms:modified}), each item's usage window ({@code dcterms:valid}), and the tombstones of withdrawn items at the top of the first page, as RSS items
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
     * Adds each item's usage window to the item elements ROME wrote (in document order), then the tombstones, as
     * RSS items ahead of them.
     */
    public static void rss(Feed feed, Element channel) {
        List<Element> items = channel.getChildren("item");
        addModified(feed.items(), items);
        addValidity(feed.items(), items);
        if (feed.tombstones().isEmpty()) {
            return;
        }
        channel.getDocument().getRootElement().addNamespaceDeclaration(DCTERMS);
        if (feed.mediaRss15()) {
            channel.getDocument().getRootElement().addNamespaceDeclaration(MEDIA);
        }
        int at = items.isEmpty() ? channel.getContentSize() : channel.indexOf(items.get(0));
        for (FeedTombstone t : feed.tombstones()) {
            Element item = new Element("item");
            item.addContent(new Element("title").setText(FeedTombstone.TITLE));
            item.addContent(new Element("link").setText(t.url()));
            // description is HTML by the RSS spec: the plain text escaped, as item summaries are
            item.addContent(new Element("description").setText(Entities.escape(t.text())));
            item.addContent(new Element("guid").setAttribute("isPermaLink", "false").setText(t.id()));
            item.addContent(new Element("pubDate").setText(DateParser.formatRFC822(Date.from(t.published()), Locale.US)));
            item.addContent(new Element("modified", DCTERMS).setText(date(t.withdrawnAt())));
            item.addContent(new Element("valid", DCTERMS).setText(period(t.published(), t.withdrawnAt())));
            if (feed.mediaRss15()) {
                item.addContent(new Element("status", MEDIA).setAttribute("state", "deleted")
                        .setAttribute("reason", t.reason()));
            }
            channel.addContent(at++, item);
        }
    }

    /** Adds each entry's usage window, then the tombstones as {@code at:deleted-entry} ahead of the entries. */
    public static void atom(Feed feed, Element root) {
        Namespace atom = root.getNamespace();
        List<Element> entries = root.getChildren("entry", atom);
        addValidity(feed.items(), entries);
        if (feed.tombstones().isEmpty()) {
            return;
        }
        root.addNamespaceDeclaration(TOMBSTONES);
        int at = entries.isEmpty() ? root.getContentSize() : root.indexOf(entries.get(0));
        for (FeedTombstone t : feed.tombstones()) {
            Element deleted = new Element("deleted-entry", TOMBSTONES)
                    .setAttribute("ref", t.id())
                    .setAttribute("when", date(t.withdrawnAt()));
            deleted.addContent(new Element("link", atom).setAttribute("rel", "alternate").setAttribute("type", "text/html")
                    .setAttribute("href", t.url()));
            deleted.addContent(new Element("comment", TOMBSTONES).setText(t.reason()));
            root.addContent(at++, deleted);
        }
    }

    /**
     * RSS has no date of change: an item that changed since its publication (a correction, a restore) carries it as
     * {@code dcterms:modified}, the date partners re-ingest by.
     */
    private static void addModified(List<FeedItem> items, List<Element> elements) {
        for (int i = 0; i < items.size() && i < elements.size(); i++) {
            FeedItem item = items.get(i);
            if (item.updated().isAfter(item.published())) {
                elements.get(i).getDocument().getRootElement().addNamespaceDeclaration(DCTERMS);
                elements.get(i).addContent(new Element("modified", DCTERMS).setText(date(item.updated())));
            }
        }
    }

    private static void addValidity(List<FeedItem> items, List<Element> elements) {
        boolean declared = false;
        for (int i = 0; i < items.size() && i < elements.size(); i++) {
            FeedItem item = items.get(i);
            if (item.expires() != null) {
                if (!declared) {
                    elements.get(i).getDocument().getRootElement().addNamespaceDeclaration(DCTERMS);
                    declared = true;
                }
                elements.get(i).addContent(new Element("valid", DCTERMS).setText(period(item.published(), item.expires())));
            }
        }
    }
}
