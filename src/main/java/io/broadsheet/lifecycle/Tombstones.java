package io.broadsheet.lifecycle;

import io.broadsheet.feed.xml.OutputModule;
import io.broadsheet.feed.FeedTombstone;

import java.util.List;

/**
 * Withdrawn items, newest withdrawal first: an Atom feed's RFC 6721 {@code at:deleted-entry} elements
 * ({@link AtomTombstonesGenerator}), or the one tombstone an RSS tombstone item stands for
 * ({@link RssTombstoneGenerator}). {@code mediaRss15}: RSS also carries Media RSS 1.5's {@code media:status}.
 * Spec: https://www.rfc-editor.org/rfc/rfc6721
 */
public final class Tombstones extends OutputModule {

    private final List<FeedTombstone> tombstones;
    private final boolean mediaRss15;

    public Tombstones(List<FeedTombstone> tombstones, boolean mediaRss15) {
        super(Lifecycle.TOMBSTONES.getURI());
        this.tombstones = List.copyOf(tombstones);
        this.mediaRss15 = mediaRss15;
    }

    public List<FeedTombstone> tombstones() {
        return tombstones;
    }

    public boolean mediaRss15() {
        return mediaRss15;
    }
}
