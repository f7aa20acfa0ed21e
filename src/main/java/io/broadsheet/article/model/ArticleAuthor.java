package io.broadsheet.article.model;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One author of an article, in article order; stored in the article row's {@code authors} JSON column. */
@Serdeable
public record ArticleAuthor(String name, @Nullable String url) {
}
