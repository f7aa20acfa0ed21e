package io.broadsheet.feed;

import io.broadsheet.article.ArticleStore;
import io.broadsheet.article.Snapshot;
import io.broadsheet.article.model.ArticleStamp;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.storage.FeedPageQueries;
import io.broadsheet.storage.Category;
import io.broadsheet.category.CategoryService;
import io.broadsheet.cdn.CacheKeys;
import io.broadsheet.config.ContentMode;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.input.InvalidInputException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "page {n} of feed {name} in format {f}": resolves the definition (named in feeds-config, {@code all},
 * or a category), loads the page's visible articles (embargo cut-off from the clock), assembles and renders.
 */
@Singleton
public class FeedService {

    /** The feed of every category. */
    public static final String ALL = FeedsConfig.ALL;
    /**
     * Most tombstones a first page carries: far more than a newsroom withdraws in a retention period, and a bound on
     * the page's size when a whole agency's content expires at once.
     */
    static final int MAX_TOMBSTONES = 500;

    private final FeedsConfig config;
    private final ArticleStore store;
    private final CategoryService categories;
    private final FeedStateStore states;
    private final FeedIndex index;
    private final FeedPageQueries pages;
    private final ItemCache items;
    private final FeedAssembler assembler;
    private final Map<FeedFormat, FeedRenderer> renderers = new EnumMap<>(FeedFormat.class);
    private final Clock clock;
    /** How a feed's 400 for a page past the numbered ones says deeper pages are reached. */
    public static final String DEEPER_PAGES = "; deeper pages are reached through each page's next link (?"
            + FeedCursor.PARAMETER + "=...)";

    private final int maxPage;

    public FeedService(FeedsConfig config, ArticleStore store, CategoryService categories, FeedStateStore states,
                       FeedIndex index, FeedPageQueries pages, ItemCache items, List<FeedRenderer> renderers,
                       Clock clock, PagingSettings paging) {
        this.maxPage = paging.maxPage();
        this.items = items;
        this.index = index;
        this.pages = pages;
        this.config = config;
        this.store = store;
        this.categories = categories;
        this.states = states;
        this.assembler = new FeedAssembler(config.site(), config.mediaRss15());
        this.clock = clock;
        renderers.forEach(r -> this.renderers.put(r.format(), r));
        for (FeedFormat format : FeedFormat.values()) {
            if (!this.renderers.containsKey(format)) {
                throw new IllegalStateException("No renderer for " + format);
            }
        }
    }

    /**
     * A rendered document and what its validators need.
     *
     * @param changedAt    when each item (in document order) was last published or updated: the base of deltas
     * @param lastModified when the feed's content last changed
     * @param validUntil   when an embargo lifts or a usage window ends, and the document goes stale without any write, or null
     * @param cacheKeys    what a CDN files the answers under, to drop them when the feed changes
     */
    public record Rendered(FeedFormat format, byte[] bytes, Feed feed, List<Instant> changedAt, Instant lastModified,
                           Instant validUntil, CacheKeys cacheKeys) {

        public Rendered {
            changedAt = List.copyOf(changedAt);
        }
    }

    /**
     * Page {@code page} of a feed: a few index seeks, one range of the feed's newest items and one query per
     * article table, whatever the size of the archive (see {@link FeedIndex} and {@link FeedPageQueries}). The
     * range is skipped up to the page's start, so numbered pages stop at {@code broadsheet.paging.max-page}; its
     * next link is a keyset cursor ({@link #renderAfter}), which costs what page 1 costs at any depth.
     */
    @Snapshot
    public Rendered render(String name, FeedFormat format, int page) {
        FeedDefinition definition = require(name);
        requireNumbered(page);
        Instant now = clock.instant();
        String key = index.key(definition);
        FeedPageQueries.Window window = visibleWindow(definition, key, now);
        int lastPage = lastPage(window.visible(), definition.limit());
        if (page < 1 || page > lastPage) {
            throw new FeedNotFoundException("Feed '" + name + "' has pages 1 to " + lastPage + "; there is no page " + page + ".");
        }
        List<Long> ids = pages.newest(key, now, definition.limit(), (long) (page - 1) * definition.limit());
        return render(definition, format, window, key, new Slice(page, lastPage, null, ids, page < lastPage));
    }

    /** The keyset page of a feed after {@code after}: one range of the feed's rows starting at the cursor. */
    @Snapshot
    public Rendered renderAfter(String name, FeedFormat format, FeedCursor after) {
        FeedDefinition definition = require(name);
        Instant now = clock.instant();
        String key = index.key(definition);
        FeedPageQueries.Window window = visibleWindow(definition, key, now);
        List<FeedCursor> rows = pages.newestAfter(key, now, after == null ? null : after.publishedAt(),
                        after == null ? 0 : after.articleId(), definition.limit() + 1).stream()
                .map(p -> FeedCursor.after(p.publishedAt(), p.articleId())).toList();
        boolean more = rows.size() > definition.limit();
        List<Long> ids = rows.stream().limit(definition.limit()).map(FeedCursor::articleId).toList();
        return render(definition, format, window, key, new Slice(0, lastPage(window.visible(), definition.limit()),
                after, ids, more));
    }

    /** The items of one page and where it stands: a page number (0 for a keyset page) or the cursor it follows. */
    private record Slice(int page, int lastPage, FeedCursor after, List<Long> ids, boolean more) {
    }

    private Rendered render(FeedDefinition definition, FeedFormat format, FeedPageQueries.Window window, String key,
                            Slice slice) {
        Instant lastModified = lastModified(definition.name(), window.newestVisible());
        List<ArticleStamp> stamps = store.stamps(slice.ids());
        Map<Long, FeedItem> byId = items(stamps, definition.content());
        List<ArticleStamp> shown = stamps.stream().filter(s -> byId.containsKey(s.id())).toList();
        List<FeedTombstone> tombstones = slice.page() == 1 ? tombstones(key) : List.of();
        ArticleStamp last = stamps.isEmpty() ? null : stamps.get(stamps.size() - 1);
        FeedCursor next = slice.more() && last != null ? FeedCursor.after(last.publishedAt(), last.id()) : null;
        PageCursors cursors = new PageCursors(slice.after(), next, slice.lastPage() <= maxPage);
        Feed feed = assembler.assembleItems(definition, shown.stream().map(s -> byId.get(s.id())).toList(), tombstones,
                new FeedAssembler.Position(Math.max(1, slice.page()), slice.lastPage(), lastModified, cursors),
                hubs(definition));
        List<Instant> changedAt = shown.stream().map(s -> later(s.publishedAt(), s.updatedAt())).toList();
        return new Rendered(format, renderers.get(format).render(feed), feed, changedAt, lastModified, window.validUntil(),
                CacheKeys.of(definition));
    }

    /** The feed's window; a category that only embargoed articles use must not reveal itself, not even its name. */
    private FeedPageQueries.Window visibleWindow(FeedDefinition definition, String key, Instant now) {
        FeedPageQueries.Window window = pages.window(key, now);
        if (window.visible() == 0 && isCategoryFeed(definition) && !states.hasHistory(definition.name())) {
            throw new FeedNotFoundException("No feed is named '" + definition.name() + "'.");
        }
        return window;
    }

    private static int lastPage(long visible, int size) {
        return (int) Math.max(1, (visible + size - 1) / size);
    }

    /** The deepest numbered page of a feed or a category's page ({@code broadsheet.paging.max-page}). */
    public int maxPage() {
        return maxPage;
    }

    /**
     * Numbered pages skip rows of the index up to their start: deeper ones are a 400 naming {@code page}, reached by
     * cursor instead. The routes refuse them first, through {@code PageParameter} with {@link #DEEPER_PAGES}.
     */
    private void requireNumbered(int page) {
        if (page > maxPage) {
            throw InvalidInputException.of("page", "numbered pages go up to " + maxPage + DEEPER_PAGES + ", got " + page);
        }
    }

    /**
     * A page of the articles a feed shows, newest first.
     *
     * @param total    the articles the feed shows over all its pages
     * @param lastPage the last page at this size (1 for a feed that shows none)
     */
    public record Shown(List<StoredArticle> articles, long total, int page, int lastPage) {
    }

    /**
     * Page {@code page} ({@code size} a page) of the articles a feed shows, by the feed's own rows: what its documents
     * carry, embargoed and withdrawn articles never. The HTML pages list these. {@link FeedNotFoundException} for a
     * category only embargoed articles use (as its feed) and for a page past the last; page 1 of an empty feed exists.
     */
    @Snapshot
    public Shown shown(FeedDefinition definition, int page, int size) {
        if (page > maxPage) {
            throw new FeedNotFoundException("'" + definition.name() + "' is listed by number up to page " + maxPage
                    + "; there is no page " + page + ".");
        }
        Instant now = clock.instant();
        String key = index.key(definition);
        long visible = pages.window(key, now).visible();
        if (visible == 0 && isCategoryFeed(definition) && !states.hasHistory(definition.name())) {
            throw new FeedNotFoundException("No feed is named '" + definition.name() + "'.");
        }
        int lastPage = (int) Math.max(1, (visible + size - 1) / size);
        if (page < 1 || page > lastPage) {
            throw new FeedNotFoundException("'" + definition.name() + "' has pages 1 to " + lastPage + "; there is no page "
                    + page + ".");
        }
        List<Long> ids = pages.newest(key, now, size, (long) (page - 1) * size);
        return new Shown(store.findByIds(ids), visible, page, lastPage);
    }

    /**
     * Whether a category's feed is known to the public, as {@link #shown} decides it (it shows an item, or it showed
     * one before), without throwing: true for every other feed.
     */
    public boolean isKnownCategoryFeed(FeedDefinition definition) {
        return !isCategoryFeed(definition) || states.hasHistory(definition.name())
                || pages.window(index.key(definition), clock.instant()).visible() > 0;
    }

    /** The first page's tombstones, newest withdrawal first, at most {@value #MAX_TOMBSTONES}. */
    private List<FeedTombstone> tombstones(String key) {
        return pages.tombstones(key, MAX_TOMBSTONES).stream().map(t -> assembler.tombstone(t.articleId(), t.slug(),
                t.url(), t.published(), t.withdrawnAt(), t.reason(), t.changedAt())).toList();
    }

    /** The page's items: those of unchanged articles from the item cache, the others loaded and assembled. */
    private Map<Long, FeedItem> items(List<ArticleStamp> stamps, ContentMode content) {
        Map<String, String> names = categories.namesBySlug();
        int namesDigest = names.hashCode();
        Map<Long, FeedItem> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (ArticleStamp stamp : stamps) {
            FeedItem item = items.get(new ItemCache.Key(stamp.id(), stamp.version(), content, namesDigest));
            if (item == null) {
                missing.add(stamp.id());
            } else {
                found.put(stamp.id(), item);
            }
        }
        for (StoredArticle article : store.findByIds(missing)) {
            FeedItem item = assembler.item(article, content, names);
            items.put(new ItemCache.Key(article.article().id(), article.article().version(), content, namesDigest), item);
            found.put(article.article().id(), item);
        }
        return found;
    }

    /**
     * The current first page {@code current} reduced to the items published or updated after {@code since}:
     * the body of an RFC 3229 "feed" delta, the difference between two instances of that page. It reads nothing.
     */
    public byte[] renderChangesSince(Rendered current, Instant since) {
        List<FeedItem> changed = new ArrayList<>();
        for (int i = 0; i < current.feed().items().size(); i++) {
            if (current.changedAt().get(i).isAfter(since)) {
                changed.add(current.feed().items().get(i));
            }
        }
        List<FeedTombstone> withdrawn = current.feed().tombstones().stream()
                .filter(t -> t.changedAt().isAfter(since)).toList();
        return renderers.get(current.format()).render(current.feed().withItems(changed, withdrawn));
    }

    /** The definition of a named feed, {@code all}, or a category's feed. */
    public Optional<FeedDefinition> definition(String name) {
        Optional<FeedDefinition> named = config.namedFeed(name);
        if (named.isPresent()) {
            return named;
        }
        if (ALL.equals(name)) {
            return Optional.of(config.defaultFeed(ALL, config.site().title(), config.site().description(), List.of()));
        }
        return categories.find(name).map(this::categoryFeed);
    }

    /** Names of the feeds that hold {@code article} (when visible): all, its categories, and matching named feeds. */
    public Set<String> feedsHolding(StoredArticle article) {
        return index.feedNames(index.keysHolding(article.categories(), article.tags()));
    }

    /** Every feed there is: all, the named feeds and one per category. */
    public List<String> allFeedNames() {
        List<String> names = new ArrayList<>();
        names.add(ALL);
        names.addAll(config.feeds().keySet());
        categories.listPublic().forEach(c -> names.add(c.slug()));
        return names;
    }

    /** The absolute URL of a feed's first page in a format, as hubs and subscribers know it. */
    public String feedUrl(String name, FeedFormat format) {
        return config.site().url("/feeds/" + name + "." + format.extension());
    }

    private boolean isCategoryFeed(FeedDefinition definition) {
        return !ALL.equals(definition.name()) && config.namedFeed(definition.name()).isEmpty();
    }

    private FeedDefinition require(String name) {
        return definition(name).orElseThrow(() -> new FeedNotFoundException(noSuchFeed(name)));
    }

    /**
     * What a feed the caller may not see (a partner feed without a key that grants it) answers: exactly what a name
     * no feed has answers, after the same lookups, so that neither the answer nor its timing tells the two apart.
     */
    @Snapshot
    public FeedNotFoundException hidden(String name) {
        categories.find(name); // the query an unknown name costs (definition); its result changes nothing here
        return new FeedNotFoundException(noSuchFeed(name));
    }

    private static String noSuchFeed(String name) {
        return "No feed is named '" + name + "': use a category slug (GET /api/categories), 'all', or a feed named in"
                + " feeds-config.";
    }

    /** The later of the last change recorded at write time and the newest publication (a lifted embargo). */
    private Instant lastModified(String name, Instant newestVisible) {
        Instant recorded = states.lastChange(name).orElse(Instant.EPOCH);
        return newestVisible == null ? recorded : later(recorded, newestVisible);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Public hubs cannot read partner feeds, so those advertise none. */
    private List<String> hubs(FeedDefinition definition) {
        return definition.partnerOnly() ? List.of() : config.hubs().stream().map(URI::toString).toList();
    }

    /** The feed of a category: its articles, titled "{site title} — {category name}". */
    public FeedDefinition categoryFeed(Category category) {
        return config.defaultFeed(category.slug(), config.site().title() + " \u2014 " + category.name(),
                category.description(), List.of(category.slug()));
    }
}
