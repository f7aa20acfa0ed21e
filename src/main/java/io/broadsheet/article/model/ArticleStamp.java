package io.broadsheet.article.model;

import java.time.Instant;

/** What tells one version of an article from another, and when it last changed. */
public record ArticleStamp(long id, long version, Instant publishedAt, Instant updatedAt) {
}
