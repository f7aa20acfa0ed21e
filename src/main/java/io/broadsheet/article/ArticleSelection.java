package io.broadsheet.article;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which articles a feed or a listing wants: in any of {@code categories} (when given) and carrying any
 * of {@code tags} (when given, case-insensitive), published at or before {@code publishedBy} (when given),
 * and published or updated after {@code changedAfter} (when given).
 */
public record ArticleSelection(List<String> categories, List<String> tags, Instant publishedBy, Instant changedAfter) {

    public ArticleSelection {
        categories = List.copyOf(categories);
        tags = tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    public ArticleSelection(List<String> categories, List<String> tags, Instant publishedBy) {
        this(categories, tags, publishedBy, null);
    }

    /** The same selection, limited to articles published or updated after {@code instant}. */
    public ArticleSelection changedAfter(Instant instant) {
        return new ArticleSelection(categories, tags, publishedBy, instant);
    }
}
