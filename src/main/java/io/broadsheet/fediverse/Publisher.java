package io.broadsheet.fediverse;

import io.broadsheet.article.ArticlesChanged;
import io.broadsheet.article.ArticlesChanged.Change;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.feed.EmbargoesLifted;
import io.broadsheet.feed.FeedService;
import io.broadsheet.storage.ArticleQueries;
import io.broadsheet.storage.NoteLedgerRepository;
import io.broadsheet.storage.Savepoints;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the feeds' followers are sent when articles change, decided inside the writing transaction and queued in it
 * ({@link DeliveryQueue}). An article that becomes visible in a public feed (published, or released from its
 * embargo) sends a {@code Create} of its Note, unless it was published before the feed's first current follower
 * followed (an archive import sends nothing); {@code fediverse_note} remembers it with the Note's digest. An edit that
 * changes the digest sends an {@code Update}; a withdrawal, an expiry, a deletion or leaving the feed sends a
 * {@code Delete} and forgets it. Nothing else is sent for an article the feed never sent a Create of.
 *
 * <p>Publishing never fails the write: each event's publishing runs under a savepoint ({@link Savepoints}), and a
 * failure is logged with the articles' ids and rolls back only the publishing rows. Two transactions deciding to
 * Create the same Note at once (the release timer and an editor) both try to insert its {@code fediverse_note}
 * row; only the one that inserts it queues the Create.
 *
 * <p>Cost: one probe for any follower per event (nothing more without followers), one grouped read of the first
 * follower of every feed the change touches, then per feed one read of the notes it sent, whatever the number of
 * articles.
 */
@Singleton
public class Publisher {

    static final String CREATE = "Create";
    static final String UPDATE = "Update";
    static final String DELETE = "Delete";
    /** A failure's log line names at most this many articles (an import chunk may hold thousands). */
    private static final int LOGGED_IDS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final FeedService feeds;
    private final Actors actors;
    private final Activities activities;
    private final DeliveryQueue queue;
    private final NoteLedgerRepository ledger;
    private final ArticleQueries articles;
    private final Savepoints savepoints;

    public Publisher(FeedService feeds, Actors actors, Activities activities, DeliveryQueue queue,
                     NoteLedgerRepository ledger, ArticleQueries articles, Savepoints savepoints) {
        this.feeds = feeds;
        this.actors = actors;
        this.activities = activities;
        this.queue = queue;
        this.ledger = ledger;
        this.articles = articles;
        this.savepoints = savepoints;
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

    /** Publishes under a savepoint: a failure is logged and undoes only what publishing wrote. */
    private void publish(List<Change> changes, Instant at) {
        savepoints.attempt(() -> publishEach(changes, at)).ifPresent(e -> LOG.warn(
                "Could not publish {} article(s) {} to the fediverse; the write stands, their followers are sent nothing",
                changes.size(), ids(changes), e));
    }

    /** The ids of the changed articles, the first {@link #LOGGED_IDS} of them. */
    private static String ids(List<Change> changes) {
        return changes.stream().limit(LOGGED_IDS).map(c -> Long.toString(new Touch(c, Set.of()).articleId()))
                .collect(Collectors.joining(", ", "[", changes.size() > LOGGED_IDS ? ", ...]" : "]"));
    }

    private void publishEach(List<Change> changes, Instant at) {
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
        Map<String, Instant> firstFollowed = ledger.firstFollowedAt(
                byFeed.keySet().stream().filter(actors::publishes).toList());
        byFeed.forEach((feed, touches) -> {
            Instant since = firstFollowed.get(feed);
            if (since == null) {
                return;
            }
            List<Long> known = touches.stream().filter(t -> t.change().before() != null).map(Touch::articleId).toList();
            Map<Long, String> sent = ledger.digests(feed, known);
            touches.forEach(t -> send(feed, t, at, since, sent.get(t.articleId())));
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
                if (ledger.insert(feed, id, note.digest(), after.article().publishedAt())) {
                    queue.enqueueToFollowers(feed, activities.createId(note), CREATE, activities.create(feed, note));
                }
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
