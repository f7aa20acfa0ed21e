package io.broadsheet.article;

import io.broadsheet.article.model.StoredArticle;
import java.time.Instant;
import java.util.List;

/**
 * Articles were created, replaced or deleted in one transaction (one API write, or one chunk of an import);
 * published inside that transaction.
 *
 * @param changes each article's state before and after
 * @param at      when the write happened
 */
public record ArticlesChanged(List<Change> changes, Instant at) {

    public ArticlesChanged {
        changes = List.copyOf(changes);
    }

    /**
     * One article's change.
     *
     * @param before the article as it was, or null when it was created
     * @param after  the article as it is now, or null when it was deleted
     */
    public record Change(StoredArticle before, StoredArticle after) {
    }

    /** The change of one article. */
    public static ArticlesChanged of(StoredArticle before, StoredArticle after, Instant at) {
        return new ArticlesChanged(List.of(new Change(before, after)), at);
    }
}
