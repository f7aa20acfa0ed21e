package io.broadsheet.article;

/**
 * An article was created, replaced or deleted; published inside the writing transaction.
 *
 * @param before the article as it was, or null when it was created
 * @param after  the article as it is now, or null when it was deleted
 * @param at     when the write happened
 */
public record ArticleChanged(StoredArticle before, StoredArticle after, java.time.Instant at) {
}
