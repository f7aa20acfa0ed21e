package io.broadsheet.feed;

import io.broadsheet.article.ArticlesChanged;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.category.CategoryDescribed;
import io.broadsheet.cdn.CacheKeys;
import io.broadsheet.cdn.CdnPurger;
import io.broadsheet.cluster.ClusterChanges;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.websub.WebSubPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows every change to the feeds it alters. Inside the writing transaction it moves the feeds' rows
 * ({@link FeedIndex}), records when each altered feed changed (Last-Modified) and tells the other instances
 * ({@link ClusterChanges}); after the commit it drops their cached renders and tells the WebSub hubs and the CDN
 * ({@link CdnPurger}). Only the instance that wrote pings and purges. Embargoes that lift are announced by
 * the release timer ({@code lifecycle.EmbargoTimer}), or by the first write after them, whichever comes first: both move
 * {@code feed_release.counted_through} under its row lock, so across instances the one that moves it past a
 * release announces it, once.
 */
@Singleton
public class FeedChanges {

    private static final Logger LOG = LoggerFactory.getLogger(FeedChanges.class);

    private final FeedService feeds;
    private final FeedStateStore states;
    private final FeedIndex index;
    private final FeedCache cache;
    private final WebSubPublisher websub;
    private final CdnPurger cdn;
    private final ClusterChanges cluster;
    private final FeedsConfig config;
    private final Clock clock;
    private final TombstoneRemoval pruner;

    public FeedChanges(FeedService feeds, FeedStateStore states, FeedIndex index, FeedCache cache,
                       WebSubPublisher websub, CdnPurger cdn, ClusterChanges cluster, FeedsConfig config,
                       Clock clock, TombstoneRemoval pruner) {
        this.pruner = pruner;
        this.cluster = cluster;
        this.feeds = feeds;
        this.states = states;
        this.index = index;
        this.cache = cache;
        this.websub = websub;
        this.cdn = cdn;
        this.config = config;
        this.clock = clock;
    }

    /** In the writing transaction: the feeds' rows move, and the feeds whose visible content changes record the time. */
    @EventListener
    public void record(ArticlesChanged changes) {
        FeedIndex.Applied applied = index.apply(changes.changes(), changes.at());
        Set<String> released = applied.released();
        Set<String> visible = visibleFeeds(changes, index.feedNames(applied.tombstoneFeeds()));
        Set<String> touched = touchedFeeds(changes, visible);
        recorded.set(new Recorded(changes, visible, touched));
        states.touch(visible, changes.at());
        cluster.feedsChanged(touched);
        // a lifted embargo is visible from its instant on, whether or not this transaction commits
        announce(index.feedNames(released));
    }

    /** After the commit: no cached render of an altered feed survives, and the hubs hear of the visible change. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void publish(ArticlesChanged changes) {
        Recorded mine = recorded.get();
        recorded.remove();
        // what record() found, on this thread, for this very event (the tombstone rows it moved are gone now)
        if (mine == null || mine.changes() != changes) {
            Set<String> visible = visibleFeeds(changes, Set.of());
            mine = new Recorded(changes, visible, touchedFeeds(changes, visible));
        }
        cache.invalidate(mine.touched());
        ping(mine.visible());
    }

    @EventListener
    public void record(CategoryDescribed described) {
        states.touch(List.of(FeedStateStore.SITE), described.at());
        cluster.everythingChanged();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void publish(CategoryDescribed described) {
        cache.invalidateAll();
        ping(feeds.allFeedNames(), true);
    }

    /**
     * At start-up: the named feeds' rows follow a changed selection, and a changed configuration changes every
     * feed. Nothing else here reads the archive.
     */
    @EventListener
    public void onStartup(StartupEvent event) {
        if (index.rebuildNamedFeedsIfChanged()) {
            LOG.info("Named feeds' selections changed (or were never indexed): their rows were rebuilt");
        }
        if (states.recordConfiguration(config.fingerprint(), clock.instant())) {
            LOG.info("Configuration changed since the last start: every feed's Last-Modified moves to now");
            cdn.purge(List.of(CacheKeys.EVERY_FEED)); // a CDN's copies are all from before the change
        }
    }

    /** Feeds in which an embargo lifted: their cached renders go and the hubs hear of it. */
    public void announce(Set<String> names) {
        if (!names.isEmpty()) {
            cache.invalidate(names);
            ping(names);
        }
    }

    /**
     * The feeds whose rendered documents change: the {@code visible} ones, and those holding either state (embargoed
     * states too: a render must learn its next release).
     */
    private Set<String> touchedFeeds(ArticlesChanged changes, Set<String> visible) {
        Set<String> touched = new LinkedHashSet<>(visible);
        for (ArticlesChanged.Change change : changes.changes()) {
            for (StoredArticle state : states(change)) {
                touched.addAll(feeds.feedsHolding(state));
            }
        }
        return touched;
    }

    /** What {@link #record} found the change altered for readers, kept for {@link #publish} on the same thread. */
    private record Recorded(ArticlesChanged changes, Set<String> visible, Set<String> touched) {
    }

    private final ThreadLocal<Recorded> recorded = new ThreadLocal<>();

    /**
     * The feeds whose documents change for a reader now: those that show either state as an item, and those whose
     * tombstones changed ({@code tombstoneFeeds}, as {@link FeedIndex#apply} moved them).
     */
    private Set<String> visibleFeeds(ArticlesChanged changes, Set<String> tombstoneFeeds) {
        Set<String> names = new LinkedHashSet<>(tombstoneFeeds);
        for (ArticlesChanged.Change change : changes.changes()) {
            for (StoredArticle state : states(change)) {
                if (!state.article().withdrawn() && !state.article().publishedAt().isAfter(changes.at())) {
                    names.addAll(feeds.feedsHolding(state));
                }
            }
        }
        return names;
    }

    /**
     * Once an hour: tombstones older than the retention period leave the feeds, a change to those feeds like any
     * other (Last-Modified, other instances, hubs and CDN).
     */
    @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "1h", initialDelay = "1m")
    public void pruneTombstones() {
        try {
            Instant now = clock.instant();
            Set<String> pruned = new LinkedHashSet<>();
            for (Set<String> names = pruner.pruneChunk(now); !names.isEmpty(); names = pruner.pruneChunk(now)) {
                cache.invalidate(names); // each chunk is committed: no cached render may keep what it removed
                pruned.addAll(names);
            }
            if (!pruned.isEmpty()) {
                LOG.info("Tombstones past their retention left {}", pruned);
                announce(pruned);
            }
        } catch (RuntimeException e) {
            LOG.warn("Tombstones past their retention could not be removed; trying again in an hour", e);
        }
    }

    private static List<StoredArticle> states(ArticlesChanged.Change change) {
        List<StoredArticle> states = new ArrayList<>(2);
        if (change.before() != null) {
            states.add(change.before());
        }
        if (change.after() != null) {
            states.add(change.after());
        }
        return states;
    }

    private void ping(Collection<String> names) {
        ping(names, false);
    }

    /** Tells the hubs and the CDN of altered feeds; {@code everyFeed}: the change alters every feed there is. */
    private void ping(Collection<String> names, boolean everyFeed) {
        List<String> urls = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String name : names) {
            if (config.isPartnerFeed(name)) {
                continue; // hubs cannot read partner feeds, and no shared cache keeps them (Cache-Control: private)
            }
            keys.add(CacheKeys.feedKey(name));
            for (FeedFormat format : FeedFormat.values()) {
                urls.add(feeds.feedUrl(name, format));
            }
        }
        websub.publish(urls);
        cdn.purge(everyFeed ? List.of(CacheKeys.EVERY_FEED) : keys);
    }
}
