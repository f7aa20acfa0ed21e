package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One author of an article, in article order. */
@MappedEntity("article_author")
public record ArticleAuthor(
        @Id @GeneratedValue @Nullable Long id,
        long articleId,
        int ordinal,
        String name,
        @Nullable String url) {
}
