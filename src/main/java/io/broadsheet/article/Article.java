package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The article row; its images, authors, categories and tags live in child tables (see {@link StoredArticle}).
 *
 * @param url the canonical URL as sent, or null for {@code {base-url}/articles/{slug}}
 */
@MappedEntity("article")
public record Article(
        @Id @GeneratedValue @Nullable Long id,
        String slug,
        String title,
        @Nullable String summary,
        @Nullable String body,
        @Nullable String url,
        @Nullable String language,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
