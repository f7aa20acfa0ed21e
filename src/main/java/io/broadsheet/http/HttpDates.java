package io.broadsheet.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes every HTTP date Broadsheet sends as an IMF-fixdate ({@code Mon, 07 Dec 2026 11:24:35 GMT}: a two-digit day,
 * which Go's {@code net/http} insists on) and reads the three forms RFC 9110 asks a recipient to accept, plus the
 * single-digit day that earlier versions of Broadsheet (and Java's {@code RFC_1123_DATE_TIME}) wrote.
 * Spec: https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7
 */
public final class HttpDates {

    /** The length of every IMF-fixdate. */
    private static final int FIXDATE_LENGTH = 29;
    /** Longer than any date in any accepted form: anything longer is not read at all. */
    private static final int MAX_LENGTH = 40;

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    /** IMF-fixdate, and the same with a one-digit day. */
    private static final DateTimeFormatter RFC_1123 = strict("EEE, d MMM uuuu HH:mm:ss 'GMT'");
    /**
     * {@code Sunday, 06-Nov-94 08:49:37 GMT}: a year that would be more than 50 years ahead is the most recent past
     * year with those two digits (RFC 9110 5.6.7).
     */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL).appendLiteral(", ")
            .appendPattern("dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, Year.now(ZoneOffset.UTC).getValue() - 49)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    /** C's asctime(): {@code Sun Nov  6 08:49:37 1994}, the day padded with a space. */
    private static final DateTimeFormatter ASCTIME = strict("EEE MMM ppd HH:mm:ss uuuu");

    // the readers use English names: the root locale has no full day names (RFC 850's "Sunday")

    private HttpDates() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** {@code instant} as an IMF-fixdate, to the second (the fraction is dropped). */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /**
     * The instant an HTTP date names, in any of the accepted forms; empty for anything else (RFC 9110 says to ignore
     * an If-Modified-Since that is not a valid date).
     */
    public static Optional<Instant> parse(CharSequence value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = value.toString().strip();
        for (DateTimeFormatter form : new DateTimeFormatter[] {RFC_1123, RFC_850, ASCTIME}) {
            try {
                return Optional.of(LocalDateTime.parse(text, form).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // not this form: try the next
            }
        }
        return Optional.empty();
    }

    /** Whether {@code value} has the shape of an IMF-fixdate (names and numbers are not checked further). */
    public static boolean isFixdate(CharSequence value) {
        return value != null && value.length() == FIXDATE_LENGTH && value.charAt(3) == ',' && value.charAt(7) == ' '
                && value.charAt(11) == ' ' && value.charAt(16) == ' ' && value.charAt(19) == ':'
                && value.charAt(22) == ':' && value.charAt(25) == ' ' && value.charAt(26) == 'G';
    }
}
