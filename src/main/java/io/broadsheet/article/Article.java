package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The article row; its images, authors, categories and tags live in child tables (see {@link StoredArticle}).
 *
 * @param url             the canonical URL as sent, or null for {@code {base-url}/articles/{slug}}
 * @param expiresAt       the end of its usage window, or null: then it is withdrawn with the reason "expired"
 * @param withdrawnAt     when it was withdrawn, or null while it is not
 * @param withdrawnReason why, while it is withdrawn
 * @param corrections     its correction notices as {@link Correction#encode} writes them, or null
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
        long version,
        @Nullable Instant expiresAt,
        @Nullable Instant withdrawnAt,
        @Nullable String withdrawnReason,
        @Nullable String corrections) {

    /** True while the article is withdrawn: out of every feed, its page gone. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
