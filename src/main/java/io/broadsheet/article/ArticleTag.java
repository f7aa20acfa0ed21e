package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One tag of an article, in article order.
 *
 * @param tagKey the tag lower-cased, for case-insensitive filtering
 */
@MappedEntity("article_tag")
public record ArticleTag(
        @Id @GeneratedValue @Nullable Long id,
        long articleId,
        int ordinal,
        String tag,
        String tagKey) {
}
