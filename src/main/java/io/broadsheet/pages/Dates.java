package io.broadsheet.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the pages show them: written here in Java with a fixed locale and zone, not by Thymeleaf's
 * {@code #temporals}, which would follow each request's Accept-Language and give one page several texts.
 */
final class Dates {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    /** For people: {@code 17 March 2022, 09:42 UTC}; empty for null. */
    static String shown(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }

    /** For machines ({@code <time datetime>}, Open Graph, JSON-LD): RFC 3339 in UTC; null for null. */
    static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
