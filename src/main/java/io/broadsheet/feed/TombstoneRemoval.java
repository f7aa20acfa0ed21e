package io.broadsheet.feed;

import java.time.Instant;
import java.util.Set;

/**
 * Removes the tombstones past their retention, a chunk at a time, each chunk in its own transaction
 * ({@code lifecycle.TombstonePruner} does): {@link FeedChanges} runs it once an hour and tells of the feeds that changed.
 */
public interface TombstoneRemoval {

    /** Removes one chunk; returns the names of the feeds that lost a tombstone, empty when none was left. */
    Set<String> pruneChunk(Instant now);
}
