package io.broadsheet.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Conditional requests and content codings, read the same way by every route that serves cached bytes (feeds,
 * sitemaps): {@code If-None-Match} by weak comparison, {@code If-Modified-Since} in any HTTP date form,
 * {@code Accept-Encoding} for gzip, and when a {@code Last-Modified} may be sent. Each reads its field in place.
 * Spec: https://www.rfc-editor.org/rfc/rfc9110#section-13
 */
public final class Preconditions {

    private static final String GZIP = "gzip";

    private Preconditions() {
    }

    /**
     * Whether {@code If-None-Match} names {@code identity} or {@code gzip} (weak comparison, RFC 9110 13.1.2), or is
     * {@code *}. Reads the list in place: a poll's 304 allocates nothing here.
     */
    public static boolean matchesEither(String ifNoneMatch, String identity, String gzip) {
        int length = ifNoneMatch.length();
        int start = 0;
        while (start < length) {
            int end = ifNoneMatch.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int from = HeaderText.skipSpaces(ifNoneMatch, start, end);
            int to = HeaderText.trimEnd(ifNoneMatch, from, end);
            if (to - from > 2 && ifNoneMatch.startsWith("W/", from)) {
                from += 2;
            }
            if (same(ifNoneMatch, from, to, "*") || same(ifNoneMatch, from, to, identity)
                    || same(ifNoneMatch, from, to, gzip)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * Whether {@code If-Modified-Since} ({@code since}, or null) is at or after {@code lastModified} in whole seconds;
     * a date in none of HTTP's forms is ignored (RFC 9110 13.1.3).
     */
    public static boolean notModifiedSince(String since, Instant lastModified) {
        if (since == null) {
            return false;
        }
        return HttpDates.parse(since)
                .map(date -> !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(date))
                .orElse(false);
    }

    /**
     * Whether {@code Last-Modified} may be sent at {@code now}: HTTP dates have whole seconds, so a date of the current
     * second could also name a version still to come within it; it is sent once that second is over (RFC 9110
     * 8.8.2.2), and the ETag serves meanwhile.
     */
    public static boolean lastModifiedShown(Instant lastModified, Instant now) {
        return !lastModified.truncatedTo(ChronoUnit.SECONDS).equals(now.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * gzip unless the client refuses it (q=0) or does not name it (nor *): {@code gzip}, {@code x-gzip} or
     * {@code *}, the first of them named. Reads the list in place.
     */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        int length = acceptEncoding.length();
        int start = 0;
        while (start < length) {
            int end = acceptEncoding.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = acceptEncoding.indexOf(';', start);
            int codingEnd = semicolon < 0 || semicolon > end ? end : semicolon;
            int from = HeaderText.skipSpaces(acceptEncoding, start, codingEnd);
            int to = HeaderText.trimEnd(acceptEncoding, from, codingEnd);
            if (sameIgnoringCase(acceptEncoding, from, to, GZIP) || sameIgnoringCase(acceptEncoding, from, to, "x-gzip")
                    || sameIgnoringCase(acceptEncoding, from, to, "*")) {
                return !refused(acceptEncoding, codingEnd, end);
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean same(String s, int from, int to, String tag) {
        return tag != null && to - from == tag.length() && s.startsWith(tag, from);
    }

    private static boolean sameIgnoringCase(String s, int from, int to, String coding) {
        return to - from == coding.length() && s.regionMatches(true, from, coding, 0, coding.length());
    }

    /** Whether the parameters between {@code from} (a ';') and {@code end} carry a q of 0, or one not a number. */
    private static boolean refused(String s, int from, int end) {
        int at = from;
        while (at < end) {
            int next = s.indexOf(';', at + 1);
            if (next < 0 || next > end) {
                next = end;
            }
            int name = HeaderText.skipSpaces(s, at + 1, next);
            if (next - name >= 2 && (s.charAt(name) == 'q' || s.charAt(name) == 'Q') && s.charAt(name + 1) == '=') {
                try {
                    return Double.parseDouble(s.substring(name + 2, HeaderText.trimEnd(s, name + 2, next))) <= 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
            at = next;
        }
        return false;
    }
}
