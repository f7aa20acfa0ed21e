package io.broadsheet.tokens;

import java.time.Duration;

/**
 * What {@link TokenGuesses#judge} made of one presented admin token.
 *
 * @param outcome    accepted, refused (a wrong token, now counted), or throttled (not even looked at)
 * @param retryAfter for a throttled client, how long it must wait; zero otherwise
 */
public record TokenVerdict(Outcome outcome, Duration retryAfter) {

    /** The three answers to a presented token. */
    public enum Outcome { ACCEPTED, REFUSED, THROTTLED }

    static final TokenVerdict ACCEPTED = new TokenVerdict(Outcome.ACCEPTED, Duration.ZERO);
    static final TokenVerdict REFUSED = new TokenVerdict(Outcome.REFUSED, Duration.ZERO);

    static TokenVerdict throttled(Duration wait) {
        return new TokenVerdict(Outcome.THROTTLED, wait);
    }

    /** The value of a {@code Retry-After} field: whole seconds, rounded up, at least 1. */
    public String retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() == 0 ? 0 : 1);
        return Long.toString(Math.max(1, seconds));
    }
}
