package io.broadsheet.fediverse;

import io.broadsheet.article.ArticlesChanged;
import io.broadsheet.article.ArticlesChanged.Change;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.feed.EmbargoesLifted;
import io.broadsheet.feed.FeedService;
import io.broadsheet.storage.ArticleQueries;
import io.broadsheet.storage.NoteLedgerRepository;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the feeds' followers are sent when articles change, decided inside the writing transaction and queued in it
 * ({@link DeliveryQueue}). An article that becomes visible in a public feed (published, or released from its
 * embargo) sends a {@code Create} of its Note, unless it was published before the feed's first current follower
 * followed (an archive import sends nothing); {@code fediverse_note} remembers it with the Note's digest. An edit that
 * changes the digest sends an {@code Update}; a withdrawal, an expiry, a deletion or leaving the feed sends a
 * {@code Delete} and forgets it. Nothing else is sent for an article the feed never sent a Create of.
 *
 * <p>Cost: one probe for any follower per event (nothing more without followers), then per feed the change touches
 * one lookup of its first follower and one of the notes it sent, whatever the number of articles.
 */
@Singleton
public class Publisher {

    static final String CREATE = "Create";
    static final String UPDATE = "Update";
    static final String DELETE = "Delete";

    private final FeedService feeds;
    private final Actors actors;
    private final Activities activities;
    private final DeliveryQueue queue;
    private final NoteLedgerRepository ledger;
    private final ArticleQueries articles;

    public Publisher(FeedService feeds, Actors actors, Activities activities, DeliveryQueue queue,
                     NoteLedgerRepository ledger, ArticleQueries articles) {
        this.feeds = feeds;
        this.actors = actors;
        this.activities = activities;
        this.queue = queue;
        this.ledger = ledger;
        this.articles = articles;
    }

    /** In the writing transaction (an API write, an import chunk, an expiry): what each change sends. */
    @EventListener
    public void onArticlesChanged(ArticlesChanged changed) {
        if (ledger.anyFollower()) {
            publish(changed.changes(), changed.at());
        }
    }

    /** In the transaction that counted them: each released article is visible now, as after a write. */
    @EventListener
    public void onEmbargoesLifted(EmbargoesLifted lifted) {
        if (ledger.anyFollower()) {
            List<Change> released = new ArrayList<>();
            for (StoredArticle article : articles.byIds(ledger.publishedBetween(lifted.from(), lifted.through()))) {
                released.add(new Change(article, article));
            }
            publish(released, lifted.through());
        }
    }

    /** One change and the feeds its new state is in. */
    private record Touch(Change change, Set<String> afterFeeds) {

        long articleId() {
            return (change.after() != null ? change.after() : change.before()).article().id();
        }
    }

    private void publish(List<Change> changes, Instant at) {
        Map<String, List<Touch>> byFeed = new LinkedHashMap<>();
        for (Change change : changes) {
            Set<String> afterFeeds = change.after() == null ? Set.of() : feeds.feedsHolding(change.after());
            Touch touch = new Touch(change, afterFeeds);
            Set<String> touched = new LinkedHashSet<>(afterFeeds);
            if (change.before() != null) {
                touched.addAll(feeds.feedsHolding(change.before()));
            }
            touched.forEach(feed -> byFeed.computeIfAbsent(feed, f -> new ArrayList<>()).add(touch));
        }
        byFeed.forEach((feed, touches) -> {
            Optional<Instant> since = actors.publishes(feed) ? ledger.firstFollowedAt(feed) : Optional.empty();
            if (since.isPresent()) {
                List<Long> known = touches.stream().filter(t -> t.change().before() != null).map(Touch::articleId).toList();
                Map<Long, String> sent = ledger.digests(feed, known);
                touches.forEach(t -> send(feed, t, at, since.get(), sent.get(t.articleId())));
            }
        });
    }

    /** The publishing rule for one article in one feed whose followers are known since {@code since}. */
    private void send(String feed, Touch touch, Instant at, Instant since, String sentDigest) {
        StoredArticle after = touch.change().after();
        boolean visible = after != null && !after.article().withdrawn() && !after.article().publishedAt().isAfter(at)
                && touch.afterFeeds().contains(feed);
        long id = touch.articleId();
        if (visible && sentDigest == null) {
            if (!after.article().publishedAt().isBefore(since)) {
                Note note = activities.note(feed, after);
                queue.enqueueToFollowers(feed, activities.createId(note), CREATE, activities.create(feed, note));
                ledger.insert(feed, id, note.digest(), after.article().publishedAt());
            }
        } else if (visible) {
            Note note = activities.note(feed, after);
            if (!note.digest().equals(sentDigest)) {
                queue.enqueueToFollowers(feed, activities.updateId(note, at), UPDATE, activities.update(feed, note, at));
                ledger.updateDigest(feed, id, note.digest());
            }
        } else if (sentDigest != null) {
            queue.enqueueToFollowers(feed, activities.deleteId(feed, id), DELETE, activities.delete(feed, id));
            ledger.delete(feed, id);
        }
    }
}
