package io.broadsheet.feed;

import io.broadsheet.article.ArticleChanged;
import io.broadsheet.article.ArticleStore;
import io.broadsheet.article.StoredArticle;
import io.broadsheet.category.CategoryDescribed;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.websub.WebSubPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows every change to the feeds it alters. Inside the writing transaction it records when each altered
 * feed changed (Last-Modified); after the commit it drops their cached renders and tells the WebSub hubs.
 * An embargoed article alters its feeds when its time comes: a timer then tells the hubs.
 */
@Singleton
public class FeedChanges {

    private static final Logger LOG = LoggerFactory.getLogger(FeedChanges.class);

    private final FeedService feeds;
    private final FeedStateStore states;
    private final FeedCache cache;
    private final WebSubPublisher websub;
    private final ArticleStore articles;
    private final FeedsConfig config;
    private final Clock clock;
    private final ScheduledExecutorService releases = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "embargo-releases");
        thread.setDaemon(true);
        return thread;
    });

    public FeedChanges(FeedService feeds, FeedStateStore states, FeedCache cache, WebSubPublisher websub,
                       ArticleStore articles, FeedsConfig config, Clock clock) {
        this.feeds = feeds;
        this.states = states;
        this.cache = cache;
        this.websub = websub;
        this.articles = articles;
        this.config = config;
        this.clock = clock;
    }

    /** In the writing transaction: the feeds whose visible content changes record the time. */
    @EventListener
    public void record(ArticleChanged change) {
        states.touch(visibleFeeds(change), change.at());
    }

    /** After the commit: no cached render of an altered feed survives, and the hubs hear of the visible change. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void publish(ArticleChanged change) {
        Set<String> touched = new LinkedHashSet<>();
        // embargoed states too: a cached render must learn of its new next release
        for (StoredArticle state : states(change)) {
            touched.addAll(feeds.feedsHolding(state));
        }
        cache.invalidate(touched);
        ping(visibleFeeds(change));
        if (change.after() != null && change.after().article().publishedAt().isAfter(change.at())) {
            scheduleRelease(change.after());
        }
    }

    @EventListener
    public void record(CategoryDescribed described) {
        states.touch(List.of(FeedStateStore.SITE), described.at());
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void publish(CategoryDescribed described) {
        cache.invalidateAll();
        ping(feeds.allFeedNames());
    }

    /** At start-up: a changed configuration changes every feed, and pending embargoes get their timers. */
    @EventListener
    public void onStartup(StartupEvent event) {
        if (states.recordConfiguration(config.fingerprint(), clock.instant())) {
            LOG.info("Configuration changed since the last start: every feed's Last-Modified moves to now");
        }
        articles.findPublishedAfter(clock.instant()).forEach(this::scheduleRelease);
    }

    private void scheduleRelease(StoredArticle article) {
        Instant at = article.article().publishedAt();
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        releases.schedule(() -> release(article.article().id(), at), delay, TimeUnit.MILLISECONDS);
    }

    private void release(long id, Instant at) {
        articles.findById(id)
                .filter(a -> a.article().publishedAt().equals(at))
                .ifPresent(a -> {
                    Set<String> names = feeds.feedsHolding(a);
                    cache.invalidate(names);
                    ping(names);
                });
    }

    private Set<String> visibleFeeds(ArticleChanged change) {
        Set<String> names = new LinkedHashSet<>();
        for (StoredArticle state : states(change)) {
            if (!state.article().publishedAt().isAfter(change.at())) {
                names.addAll(feeds.feedsHolding(state));
            }
        }
        return names;
    }

    private static List<StoredArticle> states(ArticleChanged change) {
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
        List<String> urls = new ArrayList<>();
        for (String name : names) {
            if (config.isPartnerFeed(name)) {
                continue; // hubs cannot read partner feeds
            }
            for (FeedFormat format : FeedFormat.values()) {
                urls.add(feeds.feedUrl(name, format));
            }
        }
        websub.publish(urls);
    }

    @PreDestroy
    void stop() {
        releases.shutdownNow();
    }
}
