package io.broadsheet.article.model;

import java.time.Instant;
import java.util.List;

/**
 * The article row; its images, authors and corrections are JSON columns of it, its categories and tags rows of
 * their own (see {@link StoredArticle}).
 *
 * @param url             the canonical URL as sent, or null for {@code {base-url}/articles/{slug}}
 * @param expiresAt       the end of its usage window, or null: then it is withdrawn with the reason "expired"
 * @param withdrawnAt     when it was withdrawn, or null while it is not
 * @param withdrawnReason why, while it is withdrawn
 * @param corrections     its correction notices, oldest first
 */
public record Article(
        Long id,
        String slug,
        String title,
        String summary,
        String body,
        String url,
        String language,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant expiresAt,
        Instant withdrawnAt,
        String withdrawnReason,
        List<Correction> corrections) {

    public Article {
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** True while the article is withdrawn: out of every feed, its page gone. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
