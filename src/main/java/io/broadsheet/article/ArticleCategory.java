package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One category of an article, in article order. */
@MappedEntity("article_category")
public record ArticleCategory(
        @Id @GeneratedValue @Nullable Long id,
        long articleId,
        int ordinal,
        String categorySlug) {
}
