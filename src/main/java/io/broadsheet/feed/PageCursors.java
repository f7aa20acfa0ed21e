package io.broadsheet.feed;

/**
 * The keyset side of a document's RFC 5005 paging links: the cursor it continues from (null for a numbered page),
 * its next page's (null on the last page), and whether numbered pages reach the feed's last page (its last link).
 */
public record PageCursors(FeedCursor after, FeedCursor next, boolean lastLinked) {
}
