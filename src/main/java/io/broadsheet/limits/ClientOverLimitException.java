package io.broadsheet.limits;

/** A client sent more feed or page requests than its rate allows; it may try again after {@link #retryAfter()}. */
public class ClientOverLimitException extends RuntimeException {

    private final long retryAfter;

    public ClientOverLimitException(long retryAfter) {
        super("Too many feed and page requests from this client address: try again in " + retryAfter
                + " s (Retry-After).");
        this.retryAfter = retryAfter;
    }

    /** Seconds until the client's next request is served. */
    public long retryAfter() {
        return retryAfter;
    }
}
