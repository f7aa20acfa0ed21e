package io.broadsheet.lifecycle;

import io.broadsheet.feed.TombstoneRemoval;
import io.broadsheet.feed.FeedIndex;
import io.broadsheet.feed.FeedStateStore;
import io.broadsheet.cluster.ClusterChanges;
import io.broadsheet.config.FeedsConfig;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Set;

/**
 * Removes the tombstones older than {@code defaults.tombstone-days}, in one transaction that records the change of
 * the feeds that carried them, as a write does: their Last-Modified moves and the other instances hear of it.
 */
@Singleton
public class TombstonePruner implements TombstoneRemoval {

    private final FeedIndex index;
    private final FeedStateStore states;
    private final ClusterChanges cluster;
    private final FeedsConfig config;

    public TombstonePruner(FeedIndex index, FeedStateStore states, ClusterChanges cluster, FeedsConfig config) {
        this.index = index;
        this.states = states;
        this.cluster = cluster;
        this.config = config;
    }

    /**
     * Removes a chunk of the tombstones past their retention, in one transaction; returns the names of the feeds that
     * lost one, empty when none was left (call again until then).
     */
    @Override
    @Transactional
    public Set<String> pruneChunk(Instant now) {
        Set<String> keys = index.pruneTombstones(now.minus(config.tombstoneRetention()));
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> names = index.feedNames(keys);
        states.touch(names, now);
        cluster.feedsChanged(names);
        return names;
    }
}
