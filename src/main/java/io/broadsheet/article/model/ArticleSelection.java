package io.broadsheet.article.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Which articles a feed or a listing wants: in any of {@code categories} (when given) and carrying any
 * of {@code tags} (when given, case-insensitive), and published at or before {@code publishedBy} (when given).
 */
public record ArticleSelection(List<String> categories, List<String> tags, Instant publishedBy) {

    public ArticleSelection {
        categories = List.copyOf(categories);
        tags = tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }
}
