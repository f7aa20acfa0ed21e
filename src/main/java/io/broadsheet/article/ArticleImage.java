package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** One image of an article, in article order ({@code ordinal} 0 is the lead image). */
@MappedEntity("article_image")
public record ArticleImage(
        @Id @GeneratedValue @Nullable Long id,
        long articleId,
        int ordinal,
        String url,
        @Nullable String mimeType,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable @MappedProperty("file_size") Long length,
        @Nullable String caption,
        @Nullable String credit,
        @Nullable String alt) {
}
