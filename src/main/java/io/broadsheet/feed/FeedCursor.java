package io.broadsheet.feed;

import io.broadsheet.input.InvalidInputException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where a keyset page of a feed starts: just after the item published at {@code publishedAt} with article id
 * {@code articleId}, in the feeds' order (newest first, then the higher id). As text, {@code ?after=} carries
 * {@code <publishedAt in epoch microseconds>-<article id>}: the precision the database keeps, so no item is skipped.
 * Spec: https://www.rfc-editor.org/rfc/rfc5005#section-3
 */
public record FeedCursor(Instant publishedAt, long articleId) {

    /** The query parameter. */
    public static final String PARAMETER = "after";
    /** Years 0001 to 9999 in epoch microseconds: what the database's timestamps hold. */
    private static final long MIN_MICROS = -62_135_596_800_000_000L;
    private static final long MAX_MICROS = 253_402_300_799_999_999L;

    /** The cursor after an item, at the database's precision (microseconds). */
    public static FeedCursor after(Instant publishedAt, long articleId) {
        return new FeedCursor(publishedAt.truncatedTo(ChronoUnit.MICROS), articleId);
    }

    /** Reads {@code ?after=}; anything but two whole numbers joined by '-' in range is a 400 naming the field. */
    public static FeedCursor parse(String text) {
        int dash = text.indexOf('-', 1); // a negative time (before 1970) begins with its own '-'
        Long micros = dash < 0 ? null : number(text.substring(0, dash));
        Long id = dash < 0 ? null : number(text.substring(dash + 1));
        if (micros == null || id == null || micros < MIN_MICROS || micros > MAX_MICROS || id < 1) {
            throw InvalidInputException.of(PARAMETER, "must be a cursor from a feed's next link,"
                    + " <publishedAt in epoch microseconds>-<article id>, got '" + shorten(text) + "'");
        }
        return new FeedCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }

    @Override
    public String toString() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, publishedAt) + "-" + articleId;
    }

    private static Long number(String digits) {
        boolean negative = digits.startsWith("-");
        String body = negative ? digits.substring(1) : digits;
        if (body.isEmpty() || body.length() > 18 || !body.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long value = Long.parseLong(body);
        return negative ? -value : value;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
