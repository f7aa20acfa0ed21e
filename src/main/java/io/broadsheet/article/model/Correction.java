package io.broadsheet.article.model;

import java.time.Instant;

/**
 * A dated correction notice of an article: plain text appended to its body in every feed format and on its page.
 * An article keeps its notices, oldest first, in the {@code corrections} JSON column of its row.
 */
public record Correction(Instant at, String text) {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /** A day as notices write it, such as "1 December 2026" (UTC). */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }
}
