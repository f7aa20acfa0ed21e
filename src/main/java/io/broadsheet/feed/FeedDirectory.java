package io.broadsheet.feed;

import io.broadsheet.article.Snapshot;
import io.broadsheet.storage.Category;
import io.broadsheet.category.CategoryService;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.storage.Statements;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every feed the public may read ({@code all}, the public named feeds, each category the public may know of), with
 * how many items it holds and when it last changed: what the home page and the OPML list. Partner feeds are never in
 * it. It costs three queries whatever the number of feeds or articles: the categories, one row per feed from
 * {@code feed_count} (each corrected by a short range of {@code feed_item}, as a feed page's window is), and the
 * {@code feed_state} rows.
 */
@Singleton
public class FeedDirectory {

    /**
     * Per feed's rows: its visible count at (now), corrected from counted_through as {@link FeedPageQueries#window}
     * does, and its newest visible publication. Parameters: (now, now, now). The three subqueries are each a range
     * or a seek of feed_item_newest_idx; feed_count has one row per feed, not per article.
     */
    static final String COUNTS_SQL = "SELECT c.feed, c.visible"
            + " + (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed AND f.published_at > r.counted_through"
            + " AND f.published_at <= ?)"
            + " - (SELECT COUNT(*) FROM feed_item f WHERE f.feed = c.feed AND f.published_at > ?"
            + " AND f.published_at <= r.counted_through),"
            + " (SELECT f.published_at FROM feed_item f WHERE f.feed = c.feed AND f.published_at <= ?"
            + " ORDER BY f.feed, f.published_at DESC, f.article_id DESC LIMIT 1)"
            + " FROM feed_count c CROSS JOIN feed_release r WHERE r.id = 1";
    /** When each feed, the site and the configuration last changed. */
    static final String STATES_SQL = "SELECT name, last_modified FROM feed_state";

    private final FeedsConfig config;
    private final FeedService feeds;
    private final FeedIndex index;
    private final CategoryService categories;
    private final JdbcOperations jdbc;
    private final java.time.Clock clock;

    public FeedDirectory(FeedsConfig config, FeedService feeds, FeedIndex index, CategoryService categories,
                         JdbcOperations jdbc, java.time.Clock clock) {
        this.config = config;
        this.feeds = feeds;
        this.index = index;
        this.categories = categories;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A public feed.
     *
     * @param category     the category whose feed it is, or null for {@code all} and the named feeds
     * @param items        the items it holds over all its pages (embargoed and withdrawn articles not counted)
     * @param lastModified its Last-Modified: the latest change recorded for it, the site or the configuration, or its
     *                     newest publication; null when nothing was ever recorded
     */
    public record Listed(FeedDefinition definition, Category category, long items, Instant lastModified) {

        public String name() {
            return definition.name();
        }
    }

    /** {@code all}, the public named feeds in file order, then the categories by slug (one a named feed hides is left out). */
    @Snapshot
    public List<Listed> publicFeeds() {
        Instant now = clock.instant();
        List<FeedDefinition> definitions = new ArrayList<>();
        Map<String, Category> byName = new HashMap<>();
        definitions.add(feeds.definition(FeedService.ALL).orElseThrow());
        config.feeds().values().stream().filter(f -> !f.partnerOnly()).forEach(definitions::add);
        Set<String> taken = new LinkedHashSet<>(config.feeds().keySet());
        taken.add(FeedService.ALL);
        for (Category category : categories.listPublic()) {
            if (!taken.contains(category.slug())) { // /feeds/{slug} serves the named feed of that name
                definitions.add(feeds.categoryFeed(category));
                byName.put(category.slug(), category);
            }
        }
        Map<String, Count> counts = counts(now);
        Map<String, Instant> states = states();
        Instant everyFeed = later(states.get(FeedStateStore.SITE), states.get(FeedStateStore.CONFIG));
        List<Listed> listed = new ArrayList<>();
        for (FeedDefinition definition : definitions) {
            Count count = counts.getOrDefault(index.key(definition), Count.NONE);
            Instant lastModified = later(later(states.get(definition.name()), everyFeed), count.newest());
            listed.add(new Listed(definition, byName.get(definition.name()), count.items(), lastModified));
        }
        return listed;
    }

    /** A feed's visible items and its newest visible publication (null when none). */
    private record Count(long items, Instant newest) {
        static final Count NONE = new Count(0, null);
    }

    /** Every feed's count, by feed key. */
    private Map<String, Count> counts(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.prepareStatement(COUNTS_SQL, ps -> {
            Statements.bind(ps, at, at, at);
            Map<String, Count> counts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime newest = rs.getObject(3, OffsetDateTime.class);
                    counts.put(rs.getString(1), new Count(rs.getLong(2), newest == null ? null : newest.toInstant()));
                }
            }
            return counts;
        });
    }

    private Map<String, Instant> states() {
        return jdbc.prepareStatement(STATES_SQL, ps -> {
            Map<String, Instant> states = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            return states;
        });
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }
}
