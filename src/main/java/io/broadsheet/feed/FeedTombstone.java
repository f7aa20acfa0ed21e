package io.broadsheet.feed;

import java.time.Instant;

/**
 * A withdrawn article's place in a feed, at the top of its first page for the retention period: what tells a
 * partner or an aggregator that copied the item to take it down.
 *
 * @param id          the withdrawn item's id: RSS guid, Atom at:deleted-entry ref, JSON Feed id
 * @param url         the item's link, which now answers 410 Gone
 * @param published   when the item was published: RSS pubDate, JSON Feed date_published
 * @param withdrawnAt RSS dcterms:modified and the end of dcterms:valid, Atom when, JSON Feed date_modified and
 *                    {@code _withdrawn.at}
 * @param reason      RSS media:status reason, Atom at:comment, JSON Feed {@code _withdrawn.reason} (plain text)
 * @param changedAt   when the tombstone was written (an expiry is dated at the window's end, and written a little
 *                    later): what an RFC 3229 delta compares with its base; not shown
 */
public record FeedTombstone(String id, String url, Instant published, Instant withdrawnAt, String reason,
                            Instant changedAt) {

    /** The title of a tombstone item in RSS and JSON Feed. */
    public static final String TITLE = "Withdrawn";

    /** The one line of text a tombstone item carries. */
    public String text() {
        return "This article was withdrawn on " + io.broadsheet.article.model.Correction.day(withdrawnAt) + ": " + reason;
    }
}
