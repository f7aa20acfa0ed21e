package io.broadsheet.feed;

import io.broadsheet.article.ArticlesChanged;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import io.broadsheet.storage.FeedCounts;
import io.broadsheet.storage.FeedItemRepository;
import io.broadsheet.storage.FeedStateRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which feeds hold which article, kept at write time in {@code feed_item} and {@code feed_count}, so that a feed
 * page, its page count, its newest item and the next embargo are index ranges whose length does not grow with
 * the archive. Rows are keyed {@code all}, {@code category:<slug>} or {@code feed:<name>}.
 *
 * <p>{@code feed_count.visible} counts the items published by {@code feed_release.counted_through}; each write
 * (and the embargo timer) locks that row and moves it to now, so the correction a reader adds for the items
 * published since is a short range.
 */
@Singleton
public class FeedIndex {

    public static final String ALL = FeedCounts.ALL;
    private static final String CATEGORY = "category:";
    private static final String NAMED = "feed:";
    /** The feed_state row whose fingerprint names the named feeds' selections their rows were built for. */
    private static final String INDEX_STATE = FeedStateStore.INDEX;

    private final FeedsConfig config;
    private final FeedStateStore states;
    private final FeedItemRepository rows;
    private final FeedStateRepository stateRows;

    private final java.time.Clock clock;
    private final ApplicationEventPublisher<EmbargoesLifted> lifted;

    public FeedIndex(FeedsConfig config, FeedStateStore states, FeedItemRepository rows, FeedStateRepository stateRows,
                     java.time.Clock clock, ApplicationEventPublisher<EmbargoesLifted> lifted) {
        this.clock = clock;
        this.lifted = lifted;
        this.states = states;
        this.config = config;
        this.rows = rows;
        this.stateRows = stateRows;
    }

    /** The key of a category's rows. */
    public static String categoryKey(String slug) {
        return CATEGORY + slug;
    }

    /** The rows of a feed: every feed that selects everything shares those of {@code all}. */
    public String key(FeedDefinition definition) {
        if (definition.selectsEverything()) {
            return ALL;
        }
        boolean named = config.namedFeed(definition.name()).filter(definition::equals).isPresent();
        return named ? NAMED + definition.name() : CATEGORY + definition.categories().get(0);
    }

    /** The keys of the feeds that hold an article in these categories with these tags. */
    Set<String> keysHolding(Collection<String> categories, Collection<String> tags) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ALL);
        categories.forEach(c -> keys.add(CATEGORY + c));
        Set<String> tagKeys = new java.util.HashSet<>();
        tags.forEach(t -> tagKeys.add(t.toLowerCase(Locale.ROOT)));
        for (FeedDefinition feed : config.feeds().values()) {
            if (!feed.selectsEverything() && matches(feed, categories, tagKeys)) {
                keys.add(NAMED + feed.name());
            }
        }
        return keys;
    }

    /** The names of the feeds whose rows are {@code keys}: {@code all} stands for every feed selecting everything. */
    public Set<String> feedNames(Collection<String> keys) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : keys) {
            if (key.equals(ALL)) {
                names.add(FeedService.ALL);
                config.feeds().values().stream().filter(FeedDefinition::selectsEverything)
                        .forEach(f -> names.add(f.name()));
            } else {
                names.add(key.substring(key.indexOf(':') + 1));
            }
        }
        return names;
    }

    private static boolean matches(FeedDefinition feed, Collection<String> categories, Set<String> tagKeys) {
        boolean inCategory = feed.categories().isEmpty() || feed.categories().stream().anyMatch(categories::contains);
        boolean tagged = feed.tags().isEmpty()
                || feed.tags().stream().anyMatch(t -> tagKeys.contains(t.toLowerCase(Locale.ROOT)));
        return inCategory && tagged;
    }

    /**
     * What {@link #apply} changed beyond the items.
     *
     * @param released       keys of the feeds where an embargo lifted
     * @param tombstoneFeeds keys of the feeds whose tombstones a reader sees changed (added, removed, or showing
     *                       another link or date)
     */
    public record Applied(Set<String> released, Set<String> tombstoneFeeds) {
    }

    /**
     * In the writing transaction: moves every changed article's rows and counts, its tombstones and its pending
     * expiry, and counts the items whose embargo lifted since the last write.
     *
     * <p>A withdrawal puts a tombstone in each feed that showed the article then; they stay where they are while the
     * withdrawn article is edited (its categories may change: the feeds that showed it do not), and all of them go when
     * it is restored or deleted.
     */
    public Applied apply(List<ArticlesChanged.Change> changes, Instant now) {
        Instant counted = lockRelease();
        Map<String, long[]> deltas = new HashMap<>();
        List<Object[]> removed = new ArrayList<>();
        List<Object[]> added = new ArrayList<>();
        List<Object[]> tombstonesAdded = new ArrayList<>();
        Set<String> tombstoneFeeds = new LinkedHashSet<>();
        List<Object[]> expiriesRemoved = new ArrayList<>();
        List<Object[]> expiriesAdded = new ArrayList<>();
        for (ArticlesChanged.Change change : changes) {
            StoredArticle before = change.before();
            StoredArticle after = change.after();
            Set<String> beforeKeys = liveKeys(before);
            Set<String> afterKeys = liveKeys(after);
            if (!beforeKeys.equals(afterKeys) || !published(before).equals(published(after))) {
                beforeKeys.forEach(k -> removed.add(new Object[]{k, published(before), before.article().id()}));
                afterKeys.forEach(k -> added.add(new Object[]{k, published(after), after.article().id()}));
            }
            boolean wasWithdrawn = before != null && before.article().withdrawn();
            boolean isWithdrawn = after != null && after.article().withdrawn();
            if (wasWithdrawn && isWithdrawn) {
                if (!showsTheSame(before, after)) { // its tombstones now link or date otherwise
                    tombstoneFeeds.addAll(tombstoneFeedsOf(before.article().id()));
                }
            } else if (wasWithdrawn) { // restored or deleted: every tombstone goes, past its retention or not
                tombstoneFeeds.addAll(tombstoneFeedsOf(before.article().id()));
                rows.deleteTombstones(before.article().id());
            } else if (isWithdrawn) {
                OffsetDateTime at = after.article().withdrawnAt().atOffset(ZoneOffset.UTC);
                for (String k : tombstoneKeys(after, now)) {
                    tombstonesAdded.add(new Object[]{k, at, after.article().id()});
                    tombstoneFeeds.add(k);
                }
            }
            Object[] expiryBefore = pendingExpiry(before);
            Object[] expiryAfter = pendingExpiry(after);
            if (!java.util.Arrays.equals(expiryBefore, expiryAfter)) {
                if (expiryBefore != null) {
                    expiriesRemoved.add(expiryBefore);
                }
                if (expiryAfter != null) {
                    expiriesAdded.add(expiryAfter);
                }
            }
        }
        int[] deleted = rows.deleteItems(removed);
        for (int i = 0; i < removed.size(); i++) {
            // only a row that was there leaves the counts (a batch may answer SUCCESS_NO_INFO, -2: it was there)
            if (deleted[i] != 0) {
                boolean wasCounted = !((OffsetDateTime) removed.get(i)[1]).toInstant().isAfter(counted);
                add(deltas, (String) removed.get(i)[0], wasCounted ? -1 : 0, -1);
            }
        }
        rows.insertTombstones(tombstonesAdded);
        rows.deleteExpiries(expiriesRemoved);
        rows.insertExpiries(expiriesAdded);
        Map<String, Long> released = now.isAfter(counted) ? catchUp(counted, now) : Map.of();
        if (!released.isEmpty()) {
            lifted.publishEvent(new EmbargoesLifted(counted, now));
        }
        released.forEach((k, n) -> add(deltas, k, n, 0));
        Instant through = now.isAfter(counted) ? now : counted;
        rows.insertItems(added);
        for (Object[] row : added) {
            boolean visible = !((OffsetDateTime) row[1]).toInstant().isAfter(through);
            add(deltas, (String) row[0], visible ? 1 : 0, 1);
        }
        saveCounts(deltas);
        return new Applied(released.keySet(), tombstoneFeeds);
    }

    /** Whether two states of a withdrawn article show the same tombstone (its link and publication). */
    private static boolean showsTheSame(StoredArticle a, StoredArticle b) {
        return java.util.Objects.equals(a.article().slug(), b.article().slug())
                && java.util.Objects.equals(a.article().url(), b.article().url())
                && a.article().publishedAt().equals(b.article().publishedAt());
    }

    /** The keys of the feeds that carry a tombstone of this article: one range of its index. */
    private List<String> tombstoneFeedsOf(long articleId) {
        return rows.tombstoneFeeds(articleId);
    }

    /** The feeds whose items include this state of an article: none when it is withdrawn or gone. */
    private Set<String> liveKeys(StoredArticle state) {
        return state == null || state.article().withdrawn() ? Set.of() : keysHolding(state.categories(), state.tags());
    }

    /**
     * The feeds that carry this state's tombstone: those that showed it (it was published when it was withdrawn), for
     * the retention period before {@code now}.
     */
    private Set<String> tombstoneKeys(StoredArticle state, Instant now) {
        if (state == null || !state.article().withdrawn()) {
            return Set.of();
        }
        Instant at = state.article().withdrawnAt();
        boolean wasShown = !state.article().publishedAt().isAfter(at);
        boolean retained = at.isAfter(now.minus(config.tombstoneRetention()));
        return wasShown && retained ? keysHolding(state.categories(), state.tags()) : Set.of();
    }


    private static Object[] pendingExpiry(StoredArticle state) {
        if (state == null || state.article().withdrawn() || state.article().expiresAt() == null) {
            return null;
        }
        return new Object[]{state.article().expiresAt().atOffset(ZoneOffset.UTC), state.article().id()};
    }

    private static OffsetDateTime published(StoredArticle state) {
        return state == null ? OffsetDateTime.MIN : state.article().publishedAt().atOffset(ZoneOffset.UTC);
    }


    /**
     * Removes up to {@value FeedItemRepository#PRUNE_CHUNK} of the tombstones withdrawn before {@code cutoff} (all of
     * their articles' that are); returns the keys of the feeds that carried one, empty when none was left. The caller
     * records those feeds' change in the same transaction, and calls again until it is empty.
     */
    @Transactional
    public Set<String> pruneTombstones(Instant cutoff) {
        lockRelease();
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        FeedItemRepository.Expired expired = rows.expiredTombstones(before);
        rows.deleteTombstonesBefore(expired.articles(), before);
        return expired.keys();
    }

    private static void add(Map<String, long[]> deltas, String key, long visible, long total) {
        long[] d = deltas.computeIfAbsent(key, k -> new long[2]);
        d[0] += visible;
        d[1] += total;
    }

    private Instant lockRelease() {
        return rows.lockRelease();
    }

    /** Items published in (from, to], by feed; moves counted_through to {@code to}. */
    private Map<String, Long> catchUp(Instant from, Instant to) {
        OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
        rows.countThrough(end);
        if (!rows.anyPublishedBetween(start, end)) {
            return Map.of();
        }
        return rows.publishedBetween(start, end);
    }

    private void saveCounts(Map<String, long[]> deltas) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        deltas.forEach((key, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                keys.add(new Object[]{key});
                updates.add(new Object[]{d[0], d[1], key});
            }
        });
        rows.addCounts(keys, updates);
    }

    /** Counts the embargoes lifted by {@code now}; returns the keys of the feeds where one lifted. */
    @Transactional
    public Set<String> release(Instant now) {
        return apply(List.of(), now).released();
    }

    /**
     * Rebuilds the rows of the named feeds when their selections changed since they were built (or never were):
     * the one time anything reads the whole archive, and only after feeds-config changed what a feed selects.
     * Returns true when it rebuilt them.
     */
    @Transactional
    public boolean rebuildNamedFeedsIfChanged() {
        String fingerprint = config.selectionsFingerprint();
        if (states.fingerprint(INDEX_STATE).filter(fingerprint::equals).isPresent()) {
            return false;
        }
        Instant counted = lockRelease();
        rows.deleteFeedsStartingWith(NAMED);
        for (FeedDefinition feed : config.feeds().values()) {
            if (!feed.selectsEverything()) {
                fill(feed, counted);
            }
        }
        stateRows.replace(INDEX_STATE, counted.atOffset(ZoneOffset.UTC), fingerprint);
        return true;
    }

    private void fill(FeedDefinition feed, Instant counted) {
        // the tombstones the feed would carry had it selected this all along
        rows.fill(NAMED + feed.name(), feed.categories(), feed.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                counted.atOffset(ZoneOffset.UTC),
                () -> clock.instant().minus(config.tombstoneRetention()).atOffset(ZoneOffset.UTC));
    }
}
