package io.broadsheet.sitemap;

import io.broadsheet.article.ArticlesChanged;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.cluster.ClusterNotice;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.config.SiteConfig;
import io.broadsheet.feed.FeedService;
import io.broadsheet.feed.FeedStateStore;
import io.broadsheet.limits.RenderSettings;
import io.broadsheet.limits.RenderSlots;
import io.broadsheet.limits.RenderersBusyException;
import io.broadsheet.storage.FeedPageQueries;
import io.broadsheet.storage.SitemapQueries;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sitemaps: the index {@code /sitemap.xml}, its pages {@code /sitemaps/articles-N.xml} (page N lists the
 * articles whose id lies in ((N-1)·size, N·size], a range of the primary key) and the news sitemap
 * {@code /sitemaps/news.xml}, each rendered once and kept compressed ({@link SitemapCache}) until a change touches it,
 * an embargo lifts or, for the news sitemap, its oldest story turns two days old. Read this class first.
 */
@Singleton
public class Sitemaps {

    /** URLs a sitemap may hold (sitemaps.org). */
    public static final int MAX_URLS = 50_000;
    /** News sitemap: the last two days' articles, at most 1,000 (Google's rules). */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int MAX_NEWS = 1000;
    /** Google's limit of {@code image:image} per {@code url}. */
    static final int MAX_IMAGES = 1000;
    static final String INDEX = "sitemap.xml";
    static final String NEWS = "news.xml";
    private static final Pattern PAGE = Pattern.compile("articles-([1-9][0-9]{0,9})\\.xml");

    private final SitemapQueries queries;
    private final FeedPageQueries feedPages;
    private final FeedStateStore states;
    private final SiteConfig site;
    private final Clock clock;
    private final int pageSize;
    private final SitemapCache cache;
    private final SingleFlight flights = new SingleFlight();
    /** One sitemap render at a time, so that sitemaps never take more than one of the feeds' render slots. */
    private final Semaphore rendering = new Semaphore(1, true);
    private final RenderSlots slots;
    private final Duration slotWait;

    public Sitemaps(SitemapQueries queries, FeedPageQueries feedPages, FeedStateStore states, FeedsConfig config,
                    Clock clock, SitemapSettings settings, RenderSlots slots, RenderSettings renders) {
        this.slots = slots;
        this.slotWait = renders.slotWait();
        this.queries = queries;
        this.feedPages = feedPages;
        this.states = states;
        this.site = config.site();
        this.clock = clock;
        this.pageSize = settings.pageSize();
        this.cache = new SitemapCache(settings.cacheMib() * 1024L * 1024L);
    }

    /**
     * One rendered sitemap: its gzip bytes, the length of its identity bytes, the validators of both codings, when it
     * last changed and until when it holds (null: until a change).
     */
    public record Document(byte[] gzip, long length, String etag, String gzipEtag, Instant lastModified,
                           Instant validUntil) {
    }

    /** The file name of page {@code page}. */
    static String pageName(long page) {
        return "articles-" + page + ".xml";
    }

    /** The sitemap index. */
    public Document index() {
        return cached(INDEX, this::renderIndex);
    }

    /** The news sitemap. */
    public Document news() {
        return cached(NEWS, this::renderNews);
    }

    /** The page named {@code name} ({@code articles-N.xml}), if it exists and lists an article. */
    public Document page(String name) {
        Matcher matcher = PAGE.matcher(name);
        long page = matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
        if (page < 1 || page > pageOf(cache.maxId(queries::maxId))) {
            throw new SitemapNotFoundException(name);
        }
        return cached(pageName(page), () -> renderPage(page));
    }

    /** A write touched articles: their pages, the index and the news sitemap go. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onChange(ArticlesChanged changes) {
        Set<Long> pages = new LinkedHashSet<>();
        for (ArticlesChanged.Change change : changes.changes()) {
            for (StoredArticle state : new StoredArticle[]{change.before(), change.after()}) {
                if (state != null && state.article().id() != null) {
                    pages.add(pageOf(state.article().id()));
                }
            }
        }
        cache.invalidate(pages);
    }

    /** Another instance changed articles, or anything may have changed: nothing held is trusted. */
    @EventListener
    public void onClusterNotice(ClusterNotice notice) {
        switch (notice.what()) {
            case FEEDS_CHANGED, EVERYTHING_CHANGED -> cache.invalidateAll();
            case NOT_LISTENING -> cache.coherent(false);
            case LISTENING -> cache.coherent(true);
            default -> {
            }
        }
    }

    /** The page of article {@code id}: ids in ((N-1)·size, N·size] are on page N (an id of 0 on page 1). */
    private long pageOf(long id) {
        return id <= 0 ? 1 : (id - 1) / pageSize + 1;
    }

    /** The ids page {@code page} covers are those above this one, up to {@code page}·size. */
    private long start(long page) {
        return page == 1 ? -1 : (page - 1) * pageSize;
    }

    /**
     * The kept document {@code name}, or its render: once however many requests want it (later ones share the
     * first's), holding a render slot for the render alone.
     */
    private Document cached(String name, Supplier<Document> render) {
        Instant now = clock.instant();
        Instant lifted = cache.due(now);
        if (lifted != null) { // embargoes lifted: only their pages go (expiries come as withdrawals, ArticlesChanged)
            Set<Long> pages = new LinkedHashSet<>();
            queries.publishedIds(lifted, now, id -> pages.add(pageOf(id)));
            cache.invalidate(pages);
            cache.horizon(feedPages.nextRelease(now), now); // for the documents still held
        }
        long taken = cache.generation(now);
        Document held = cache.get(name, now);
        if (held != null) {
            return held;
        }
        if (cache.empty(name)) {
            throw new SitemapNotFoundException(name);
        }
        return flights.run(name, taken, first -> cache.current(name, first), () -> {
            Document document;
            try {
                document = renderOnce(render);
            } catch (SitemapNotFoundException e) {
                cache.putEmpty(name, taken);
                throw e;
            }
            cache.put(name, document, taken);
            return document;
        });
    }

    /**
     * Runs {@code render} as the one sitemap render of the moment, holding a render slot; first the cache learns
     * when the next embargo lifts, which the document rendered now will not show.
     */
    private Document renderOnce(Supplier<Document> render) {
        try {
            if (!rendering.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RenderersBusyException(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderersBusyException(1);
        }
        try {
            Instant now = clock.instant();
            cache.horizon(feedPages.nextRelease(now), now);
            return slots.call(render);
        } finally {
            rendering.release();
        }
    }

    /** Renders started since the start, for tests. */
    long renders() {
        return flights.renders();
    }

    /**
     * Finds each page that holds any article by one index seek past the previous page, so that gaps in the ids (deleted
     * articles, ids an import preserved) cost nothing; lists those with a readable article, at most {@value #MAX_URLS}.
     */
    private Document renderIndex() {
        Instant now = clock.instant();
        List<Long> listed = new ArrayList<>();
        List<Instant> changed = new ArrayList<>();
        for (long next = queries.nextId(-1); next >= 0 && listed.size() < MAX_URLS; ) {
            long page = pageOf(next);
            long from = start(page);
            long to = page * pageSize;
            SitemapQueries.Summary summary = cache.summary(page, () -> queries.summary(from, to, now));
            if (summary.listed() > 0) {
                listed.add(page);
                changed.add(summary.lastModified());
            }
            next = to < 0 ? -1 : queries.nextId(to); // past Long.MAX_VALUE no id remains
        }
        return SitemapBytes.write(lastModified(now), null, out -> {
            try (SitemapWriter xml = SitemapWriter.index(out)) {
                for (int i = 0; i < listed.size(); i++) {
                    xml.sitemap(site.url("/sitemaps/" + pageName(listed.get(i))), changed.get(i));
                }
            }
        });
    }

    private Document renderPage(long page) {
        Instant now = clock.instant();
        long from = start(page);
        int[] count = {0};
        Document document = SitemapBytes.write(lastModified(now), null, out -> {
            try (SitemapWriter xml = SitemapWriter.urlset(out, false)) {
                queries.page(from, page * pageSize, now, row -> {
                    count[0]++;
                    xml.url(site.articleLink(row.slug()), row.lastModified());
                });
            }
        });
        if (count[0] == 0) {
            throw new SitemapNotFoundException(pageName(page));
        }
        return document;
    }

    private Document renderNews() {
        Instant now = clock.instant();
        Instant since = now.minus(NEWS_WINDOW);
        List<SitemapQueries.News> news = queries.news(since, now, MAX_NEWS);
        // the oldest story leaves two days after its publication: the document holds until then
        Instant leaves = news.isEmpty() ? null : news.get(news.size() - 1).publishedAt().plus(NEWS_WINDOW);
        Instant left = queries.latestPublication(since);
        Instant lastModified = lastModified(now);
        if (left != null && left.plus(NEWS_WINDOW).isAfter(lastModified)) {
            lastModified = left.plus(NEWS_WINDOW); // when the last story to leave it left
        }
        return SitemapBytes.write(lastModified, leaves, out -> {
            try (SitemapWriter xml = SitemapWriter.urlset(out, true)) {
                for (SitemapQueries.News story : news) {
                    xml.news(site.articleLink(story.slug()), site.title(),
                            NewsLanguage.of(story.language(), site.language()), story.publishedAt(), story.title(),
                            story.images().stream().limit(MAX_IMAGES).map(i -> i.url()).toList());
                }
            }
        });
    }

    /**
     * When the sitemaps last changed: what the {@code all} feed says (every write a reader sees, the site's and the
     * configuration's changes, never moving backwards) or the newest publication, an embargo that lifted.
     */
    private Instant lastModified(Instant now) {
        Instant recorded = states.lastChange(FeedService.ALL).orElse(Instant.EPOCH);
        Instant published = queries.latestPublication(now);
        return published != null && published.isAfter(recorded) ? published : recorded;
    }
}
