package io.broadsheet.fediverse;

import io.broadsheet.article.ArticleStore;
import io.broadsheet.article.model.Article;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.feed.FeedService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

/**
 * What a note's id answers: the Note while its article is in that feed, a Tombstone once it is withdrawn (or
 * expired), nothing for an article the feed never showed, an embargoed one or a deleted one.
 */
@Singleton
public class NoteLookup {

    /**
     * The answer for a note id.
     *
     * @param json the Note, or the Tombstone when {@code gone}
     * @param gone whether the article was withdrawn: 410
     */
    public record Found(String json, boolean gone) {
    }

    private final ArticleStore store;
    private final FeedService feeds;
    private final Activities activities;
    private final Clock clock;

    public NoteLookup(ArticleStore store, FeedService feeds, Activities activities, Clock clock) {
        this.store = store;
        this.feeds = feeds;
        this.activities = activities;
        this.clock = clock;
    }

    /** The note of article {@code articleId} in the public feed {@code feed}. */
    public Optional<Found> find(String feed, long articleId) {
        Optional<StoredArticle> found = store.findById(articleId)
                .filter(a -> !a.article().publishedAt().isAfter(clock.instant()))
                .filter(a -> feeds.feedsHolding(a).contains(feed));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get().article();
        if (article.withdrawn()) {
            return Optional.of(new Found(activities.tombstoneDocument(feed, articleId), true));
        }
        return Optional.of(new Found(activities.noteDocument(activities.note(feed, found.get())), false));
    }
}
