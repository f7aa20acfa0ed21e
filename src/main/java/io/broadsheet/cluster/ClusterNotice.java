package io.broadsheet.cluster;

import java.util.List;

/**
 * What the change listener heard from the other instances, published as a Micronaut event to whatever keeps
 * something derived from the database (rendered feeds, partner keys, the release timer), so that the listener
 * depends on none of them.
 *
 * @param what  what happened
 * @param feeds the feeds whose rendered documents changed, for {@link What#FEEDS_CHANGED}
 */
public record ClusterNotice(What what, List<String> feeds) {

    /** What happened. */
    public enum What {
        /** Another instance changed these feeds' documents (and maybe an embargo or expiry). */
        FEEDS_CHANGED,
        /** Anything may have changed (a missed notice, a new connection, a change to every feed): drop everything. */
        EVERYTHING_CHANGED,
        /** Partner keys were created or revoked. */
        KEYS_CHANGED,
        /** Changes are heard again. */
        LISTENING,
        /** Nothing tells this instance of a change until the connection is back. */
        NOT_LISTENING
    }

    public ClusterNotice {
        feeds = List.copyOf(feeds);
    }

    static ClusterNotice of(What what) {
        return new ClusterNotice(what, List.of());
    }

    /** True for a change that can move an embargo or an expiry: the release timer aims again. */
    public boolean movesReleases() {
        return what == What.FEEDS_CHANGED || what == What.EVERYTHING_CHANGED;
    }

    /** True for a change that can create or revoke partner keys. */
    public boolean movesKeys() {
        return what == What.KEYS_CHANGED || what == What.EVERYTHING_CHANGED;
    }
}
