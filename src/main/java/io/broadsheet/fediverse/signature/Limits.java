package io.broadsheet.fediverse.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a stranger's signature may cost, and how fresh it must be: one place for every bound of this package. */
final class Limits {

    /** The longest field value read (each line, and the lines of one field joined). */
    static final int MAX_FIELD_CHARS = 8 * 1024;
    /** The most headers (draft-cavage) or components (RFC 9421) one signature may cover. */
    static final int MAX_COMPONENTS = 20;
    /** How old a Date or created may be. */
    static final Duration MAX_AGE = Duration.ofHours(12);
    /** How far in the future a Date or created may be (clock skew). */
    static final Duration MAX_SKEW = Duration.ofHours(1);

    private Limits() {
    }

    /** The values of a field joined with ", " (each without its outer spaces and tabs), or null when the field is absent. */
    static String joined(IncomingRequest request, String name) throws SignatureException {
        List<String> values = request.header().apply(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (value.length() > MAX_FIELD_CHARS || out.length() > MAX_FIELD_CHARS) {
                throw new SignatureException("the " + name + " field is longer than " + MAX_FIELD_CHARS + " characters");
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(trimmed(value));
        }
        if (out.length() > MAX_FIELD_CHARS) {
            throw new SignatureException("the " + name + " field is longer than " + MAX_FIELD_CHARS + " characters");
        }
        return out.toString();
    }

    /**
     * The value without leading and trailing spaces and tabs, and nothing else: RFC 9421 section 2.1 strips only
     * those, so other whitespace a sender signed stays in the signature base.
     */
    static String trimmed(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpaceOrTab(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpaceOrTab(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    /** Throws unless {@code signedAt} lies within 12 hours before and 1 hour after {@code now}. */
    static void checkFresh(String what, Instant signedAt, Instant now) throws SignatureException {
        if (signedAt.isBefore(now.minus(MAX_AGE))) {
            throw new SignatureException(what + " " + signedAt + " is more than 12 hours before now (" + now + ")");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new SignatureException(what + " " + signedAt + " is more than 1 hour after now (" + now + ")");
        }
    }

    /** Throws when {@code expires} is before {@code now}. */
    static void checkNotExpired(Instant expires, Instant now) throws SignatureException {
        if (expires.isBefore(now)) {
            throw new SignatureException("the signature expired at " + expires + " (now " + now + ")");
        }
    }
}
