package io.broadsheet.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One feed document, format-neutral: what every renderer turns into bytes.
 *
 * @param name        feed name, as in {@code /feeds/{name}.rss}
 * @param title       RSS title, Atom title, JSON Feed title
 * @param description RSS description, Atom subtitle, JSON Feed description
 * @param homePageUrl RSS link, Atom link rel=alternate type=text/html, JSON Feed home_page_url
 * @param selfUrlBase self URL without the extension: RSS atom:link rel=self, Atom link rel=self, JSON Feed feed_url
 * @param id          Atom id (a stable tag: URI); RSS and JSON Feed have none
 * @param updated     newest change of any item: RSS lastBuildDate, Atom updated; JSON Feed has none
 * @param language    RSS language, Atom xml:lang, JSON Feed language
 * @param icon        RSS image, Atom icon and logo, JSON Feed icon and favicon; may be null
 * @param copyright   RSS copyright, Atom rights; may be null
 * @param generator   RSS generator, Atom generator
 * @param author      Atom feed author (entries without one inherit it); JSON Feed feed-level authors
 * @param items       newest first
 * @param page        this document's page (RFC 5005 paged feeds), from 1
 * @param lastPage    the feed's last page
 * @param hubs        WebSub hubs: RSS and Atom link rel=hub, JSON Feed hubs
 * @param maxAge      seconds a copy stays fresh: RSS ttl (minutes) and sy:updatePeriod/sy:updateFrequency
 * @param tombstones  withdrawn items, newest withdrawal first, at the top of the first page (RFC 6721 in Atom)
 * @param mediaRss15  whether to write the Media RSS 1.5 elements the W3C validator does not know (media:status)
 * @param cursors     keyset paging: the next links carry {@code ?after=} cursors; null links numbered pages only
 * @param fediverse   the actor that publishes the feed on the fediverse: JSON Feed {@code _fediverse}; null for a
 *                    partner feed
 */
public record Feed(
        String name,
        String title,
        String description,
        String homePageUrl,
        String selfUrlBase,
        String id,
        Instant updated,
        String language,
        URI icon,
        String copyright,
        String generator,
        FeedAuthor author,
        List<FeedItem> items,
        int page,
        int lastPage,
        List<String> hubs,
        int maxAge,
        List<FeedTombstone> tombstones,
        boolean mediaRss15,
        PageCursors cursors,
        FeedActor fediverse) {

    public Feed {
        items = List.copyOf(items);
        hubs = List.copyOf(hubs);
        tombstones = List.copyOf(tombstones);
    }

    /** A document no fediverse actor publishes. */
    public Feed(String name, String title, String description, String homePageUrl, String selfUrlBase, String id,
                Instant updated, String language, URI icon, String copyright, String generator, FeedAuthor author,
                List<FeedItem> items, int page, int lastPage, List<String> hubs, int maxAge,
                List<FeedTombstone> tombstones, boolean mediaRss15, PageCursors cursors) {
        this(name, title, description, homePageUrl, selfUrlBase, id, updated, language, icon, copyright, generator,
                author, items, page, lastPage, hubs, maxAge, tombstones, mediaRss15, cursors, null);
    }

    /** A document without tombstones. */
    public Feed(String name, String title, String description, String homePageUrl, String selfUrlBase, String id,
                Instant updated, String language, URI icon, String copyright, String generator, FeedAuthor author,
                List<FeedItem> items, int page, int lastPage, List<String> hubs, int maxAge) {
        this(name, title, description, homePageUrl, selfUrlBase, id, updated, language, icon, copyright, generator,
                author, items, page, lastPage, hubs, maxAge, List.of(), false, null);
    }

    /** The URL this document is served at in a given format. */
    public String selfUrl(FeedFormat format) {
        return cursors != null && cursors.after() != null ? cursorUrl(format, cursors.after()) : pageUrl(format, page);
    }

    /** The canonical URL of the feed (its first page) in a given format. */
    public String feedUrl(FeedFormat format) {
        return pageUrl(format, 1);
    }

    /** The URL of page {@code n}; the first page has no query. */
    public String pageUrl(FeedFormat format, int n) {
        return selfUrlBase + "." + format.extension() + (n == 1 ? "" : "?page=" + n);
    }

    /** The URL of the page that follows {@code cursor}. */
    public String cursorUrl(FeedFormat format, FeedCursor cursor) {
        return selfUrlBase + "." + format.extension() + "?" + FeedCursor.PARAMETER + "=" + cursor;
    }

    /**
     * RFC 5005 paging links in order (first, previous, next, last), empty for a feed of one page. With cursors,
     * next is the keyset page after this one's last item; a keyset page has no previous.
     * Spec: https://www.rfc-editor.org/rfc/rfc5005#section-3
     */
    public java.util.Map<String, String> pagingLinks(FeedFormat format) {
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        if (cursors != null) {
            boolean keyset = cursors.after() != null;
            if (keyset || lastPage > 1 || cursors.next() != null) {
                links.put("first", pageUrl(format, 1));
            }
            if (!keyset && page > 1) {
                links.put("previous", pageUrl(format, page - 1));
            }
            if (cursors.next() != null) {
                links.put("next", cursorUrl(format, cursors.next()));
            }
            if (cursors.lastLinked() && lastPage > 1) {
                links.put("last", pageUrl(format, lastPage));
            }
            return links;
        }
        if (lastPage > 1) {
            links.put("first", pageUrl(format, 1));
            if (page > 1) {
                links.put("previous", pageUrl(format, page - 1));
            }
            if (page < lastPage) {
                links.put("next", pageUrl(format, page + 1));
            }
            links.put("last", pageUrl(format, lastPage));
        }
        return links;
    }

    /** The same document holding other items and tombstones: a delta (RFC 3229 feed) of this one. */
    public Feed withItems(List<FeedItem> subset, List<FeedTombstone> tombstoneSubset) {
        return new Feed(name, title, description, homePageUrl, selfUrlBase, id, updated, language, icon, copyright,
                generator, author, subset, page, lastPage, hubs, maxAge, tombstoneSubset, mediaRss15, cursors, fediverse);
    }
}
