package io.broadsheet.feed;

import io.broadsheet.article.ArticlesChanged;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.broadsheet.storage.Statements;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
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

    static final String ALL = "all";
    private static final String CATEGORY = "category:";
    private static final String NAMED = "feed:";
    /** The feed_state row whose fingerprint names the named feeds' selections their rows were built for. */
    private static final String INDEX_STATE = FeedStateStore.INDEX;
    /** The feeds that carry a tombstone of an article: (article id). */
    static final String TOMBSTONE_FEEDS_SQL = "SELECT feed FROM feed_tombstone WHERE article_id = ?";

    private final FeedsConfig config;
    private final FeedStateStore states;
    private final JdbcOperations jdbc;

    private final java.time.Clock clock;

    public FeedIndex(FeedsConfig config, FeedStateStore states, JdbcOperations jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.states = states;
        this.config = config;
        this.jdbc = jdbc;
    }

    /** The key of a category's rows. */
    static String categoryKey(String slug) {
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
                update("DELETE FROM feed_tombstone WHERE article_id = ?", before.article().id());
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
        int[] deleted = Statements.batch(jdbc, "DELETE FROM feed_item WHERE feed = ? AND published_at = ? AND article_id = ?", removed);
        for (int i = 0; i < removed.size(); i++) {
            // only a row that was there leaves the counts (a batch may answer SUCCESS_NO_INFO, -2: it was there)
            if (deleted[i] != 0) {
                boolean wasCounted = !((OffsetDateTime) removed.get(i)[1]).toInstant().isAfter(counted);
                add(deltas, (String) removed.get(i)[0], wasCounted ? -1 : 0, -1);
            }
        }
        Statements.batch(jdbc, "INSERT INTO feed_tombstone (feed, withdrawn_at, article_id) VALUES (?, ?, ?)", tombstonesAdded);
        Statements.batch(jdbc, "DELETE FROM article_expiry WHERE expires_at = ? AND article_id = ?", expiriesRemoved);
        Statements.batch(jdbc, "INSERT INTO article_expiry (expires_at, article_id) VALUES (?, ?)", expiriesAdded);
        Map<String, Long> released = now.isAfter(counted) ? catchUp(counted, now) : Map.of();
        released.forEach((k, n) -> add(deltas, k, n, 0));
        Instant through = now.isAfter(counted) ? now : counted;
        Statements.batch(jdbc, "INSERT INTO feed_item (feed, published_at, article_id) VALUES (?, ?, ?)", added);
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
        return Statements.strings(jdbc, TOMBSTONE_FEEDS_SQL, articleId);
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


    /** Most tombstones one prune transaction removes: the release lock every write waits for is held briefly. */
    static final int PRUNE_CHUNK = 5_000;
    /** The oldest tombstones past the cutoff, a chunk of them: a range of feed_tombstone_withdrawn_idx. */
    static final String PRUNE_SQL = "SELECT feed, article_id FROM feed_tombstone WHERE withdrawn_at < ?"
            + " ORDER BY withdrawn_at LIMIT " + PRUNE_CHUNK;

    /**
     * Removes up to {@value #PRUNE_CHUNK} of the tombstones withdrawn before {@code cutoff} (all of their articles'
     * that are); returns the keys of the feeds that carried one, empty when none was left. The caller records those
     * feeds' change in the same transaction, and calls again until it is empty.
     */
    @Transactional
    public Set<String> pruneTombstones(Instant cutoff) {
        lockRelease();
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        Set<String> keys = new LinkedHashSet<>();
        Set<Long> articles = new LinkedHashSet<>();
        jdbc.prepareStatement(PRUNE_SQL, ps -> {
            Statements.bind(ps, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                    articles.add(rs.getLong(2));
                }
            }
            return null;
        });
        List<Object[]> rows = articles.stream().map(id -> new Object[]{id, before}).toList();
        Statements.batch(jdbc, "DELETE FROM feed_tombstone WHERE article_id = ? AND withdrawn_at < ?", rows);
        return keys;
    }

    private static void add(Map<String, long[]> deltas, String key, long visible, long total) {
        long[] d = deltas.computeIfAbsent(key, k -> new long[2]);
        d[0] += visible;
        d[1] += total;
    }

    private Instant lockRelease() {
        return jdbc.prepareStatement("SELECT counted_through FROM feed_release WHERE id = 1 FOR UPDATE", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        });
    }

    /** Items published in (from, to], by feed; moves counted_through to {@code to}. */
    private Map<String, Long> catchUp(Instant from, Instant to) {
        OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
        jdbc.prepareStatement("UPDATE feed_release SET counted_through = ? WHERE id = 1", ps -> {
            ps.setObject(1, end);
            return ps.executeUpdate();
        });
        boolean any = jdbc.prepareStatement("SELECT article_id FROM feed_item WHERE feed = 'all'"
                + " AND published_at > ? AND published_at <= ? ORDER BY feed, published_at DESC, article_id DESC LIMIT 1", ps -> {
            ps.setObject(1, start);
            ps.setObject(2, end);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (!any) {
            return Map.of();
        }
        // one short range of the newest-items index per feed, rather than a scan of all rows in that time
        return jdbc.prepareStatement("SELECT c.feed, (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed"
                + " AND f.published_at > ? AND f.published_at <= ?) FROM feed_count c", ps -> {
            ps.setObject(1, start);
            ps.setObject(2, end);
            Map<String, Long> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) > 0) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
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
        Statements.batch(jdbc, "INSERT INTO feed_count (feed, visible, total) VALUES (?, 0, 0) ON CONFLICT DO NOTHING", keys);
        Statements.batch(jdbc, "UPDATE feed_count SET visible = visible + ?, total = total + ? WHERE feed = ?", updates);
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
        update("DELETE FROM feed_item WHERE feed LIKE ?", NAMED + "%");
        update("DELETE FROM feed_count WHERE feed LIKE ?", NAMED + "%");
        update("DELETE FROM feed_tombstone WHERE feed LIKE ?", NAMED + "%");
        for (FeedDefinition feed : config.feeds().values()) {
            if (!feed.selectsEverything()) {
                fill(feed, counted);
            }
        }
        update("DELETE FROM feed_state WHERE name = ?", INDEX_STATE);
        update("INSERT INTO feed_state (name, last_modified, fingerprint) VALUES (?, ?, ?)", INDEX_STATE,
                counted.atOffset(ZoneOffset.UTC), fingerprint);
        return true;
    }

    private void fill(FeedDefinition feed, Instant counted) {
        List<Object> params = new ArrayList<>();
        params.add(NAMED + feed.name());
        String selection = selection(feed, params);
        update("INSERT INTO feed_item (feed, published_at, article_id) SELECT ?, a.published_at, a.id FROM article a"
                + " WHERE a.withdrawn_at IS NULL" + selection, params.toArray());
        update("INSERT INTO feed_count (feed, visible, total) SELECT feed,"
                + " SUM(CASE WHEN published_at <= ? THEN 1 ELSE 0 END), COUNT(*) FROM feed_item WHERE feed = ? GROUP BY feed",
                counted.atOffset(ZoneOffset.UTC), NAMED + feed.name());
        // the tombstones the feed would carry had it selected this all along
        params.add(1, clock.instant().minus(config.tombstoneRetention()).atOffset(ZoneOffset.UTC));
        update("INSERT INTO feed_tombstone (feed, withdrawn_at, article_id) SELECT ?, a.withdrawn_at, a.id FROM article a"
                + " WHERE a.withdrawn_at > ? AND a.published_at <= a.withdrawn_at" + selection, params.toArray());
    }

    /** The conditions of a named feed's selection on {@code article a}, after the feed key in {@code params}. */
    private static String selection(FeedDefinition feed, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (!feed.categories().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_category c WHERE c.article_id = a.id AND c.category_slug IN (")
                    .append(Statements.placeholders(feed.categories().size())).append("))");
            params.addAll(feed.categories());
        }
        if (!feed.tags().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_key IN (")
                    .append(Statements.placeholders(feed.tags().size())).append("))");
            feed.tags().forEach(t -> params.add(t.toLowerCase(Locale.ROOT)));
        }
        return sql.toString();
    }

    private void update(String sql, Object... params) {
        jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, params);
            return ps.executeUpdate();
        });
    }
}
