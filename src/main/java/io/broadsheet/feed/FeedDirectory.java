package io.broadsheet.feed;

import io.broadsheet.article.Snapshot;
import io.broadsheet.storage.Category;
import io.broadsheet.category.CategoryService;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.storage.FeedCounts;
import io.broadsheet.storage.FeedStateRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
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

    private final FeedsConfig config;
    private final FeedService feeds;
    private final FeedIndex index;
    private final CategoryService categories;
    private final FeedCounts feedCounts;
    private final FeedStateRepository stateRows;
    private final java.time.Clock clock;

    public FeedDirectory(FeedsConfig config, FeedService feeds, FeedIndex index, CategoryService categories,
                         FeedCounts feedCounts, FeedStateRepository stateRows, java.time.Clock clock) {
        this.config = config;
        this.feeds = feeds;
        this.index = index;
        this.categories = categories;
        this.feedCounts = feedCounts;
        this.stateRows = stateRows;
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
        Map<String, FeedCounts.Visible> counts = counts(now);
        Map<String, Instant> states = states();
        Instant everyFeed = later(states.get(FeedStateStore.SITE), states.get(FeedStateStore.CONFIG));
        List<Listed> listed = new ArrayList<>();
        for (FeedDefinition definition : definitions) {
            FeedCounts.Visible count = counts.getOrDefault(index.key(definition), FeedCounts.Visible.NONE);
            Instant lastModified = later(later(states.get(definition.name()), everyFeed), count.newest());
            listed.add(new Listed(definition, byName.get(definition.name()), count.items(), lastModified));
        }
        return listed;
    }

    /** Every feed's count, by feed key. */
    private Map<String, FeedCounts.Visible> counts(Instant now) {
        return feedCounts.visible(now);
    }

    private Map<String, Instant> states() {
        return stateRows.lastModified();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }
}
