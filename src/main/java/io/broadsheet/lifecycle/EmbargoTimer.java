package io.broadsheet.lifecycle;

import io.broadsheet.feed.FeedChanges;
import io.broadsheet.feed.FeedIndex;
import io.broadsheet.storage.FeedPageQueries;
import io.broadsheet.cluster.ClusterNotice;
import io.broadsheet.article.ArticleService;
import io.broadsheet.article.ArticlesChanged;
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
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Announces lifted embargoes and withdraws expired articles with one timer, aimed at the next release or expiry
 * instant read from the database: memory does not grow with the number of embargoed or expiring articles. At
 * start-up it does what fell due while the service was down; after each write it aims earlier if the write brought an
 * earlier embargo or expiry.
 */
@Singleton
public class EmbargoTimer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbargoTimer.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final FeedIndex index;
    private final FeedPageQueries pages;
    private final FeedChanges changes;
    private final ArticleService articles;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "embargo-timer");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;
    private Instant pendingAt;

    public EmbargoTimer(FeedIndex index, FeedPageQueries pages, FeedChanges changes, ArticleService articles,
                        Clock clock) {
        this.articles = articles;
        this.index = index;
        this.pages = pages;
        this.changes = changes;
        this.clock = clock;
        timer.setRemoveOnCancelPolicy(true);
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        aimAt(clock.instant());
    }

    /** After a write: an embargo or expiry earlier than the one aimed at moves the timer. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onChange(ArticlesChanged written) {
        Instant earliest = null;
        for (ArticlesChanged.Change change : written.changes()) {
            if (change.after() != null && !change.after().article().withdrawn()) {
                for (Instant at : new Instant[]{change.after().article().publishedAt(), change.after().article().expiresAt()}) {
                    if (at != null && at.isAfter(written.at()) && (earliest == null || at.isBefore(earliest))) {
                        earliest = at;
                    }
                }
            }
        }
        if (earliest != null) {
            aimAt(earliest);
        }
    }

    /** Another instance wrote, or anything may have changed: the timer aims again. */
    @EventListener
    public void onClusterNotice(ClusterNotice notice) {
        if (notice.movesReleases()) {
            reaim();
        }
    }

    /**
     * After another instance's write: aims at the next release or expiry in the database, if earlier than the one
     * aimed at.
     */
    public void reaim() {
        Instant next = pages.nextEvent(clock.instant());
        if (next != null) {
            aimAt(next);
        }
    }

    /** The instant the timer is aimed at, or null when no embargo is pending. */
    public synchronized Instant aimedAt() {
        return pendingAt;
    }

    /** Tasks waiting in the timer: one at most, whatever the number of embargoes. */
    public int scheduledTasks() {
        return timer.getQueue().size();
    }

    private synchronized void aimAt(Instant at) {
        if (pendingAt != null && !at.isBefore(pendingAt)) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        pendingAt = at;
        pending = timer.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
    }

    private void fire() {
        synchronized (this) {
            pending = null;
            pendingAt = null;
        }
        Instant next;
        try {
            Instant now = clock.instant();
            Set<String> released = index.feedNames(index.release(now));
            if (!released.isEmpty()) {
                LOG.info("Embargo lifted in {}", released);
                changes.announce(released);
            }
            int expired = articles.expireDue();
            if (expired > 0) {
                LOG.info("{} article(s) reached the end of their usage window and were withdrawn", expired);
            }
            next = pages.nextEvent(now);
        } catch (RuntimeException e) {
            LOG.warn("Embargo release failed; trying again in {} s", RETRY.toSeconds(), e);
            next = clock.instant().plus(RETRY);
        }
        if (next != null) {
            aimAt(next);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
