package io.broadsheet.fediverse;

/** Every remote key fetch this instance allows at once stayed taken: the request was not handled and may be retried. */
public class KeyFetchesBusyException extends RuntimeException {

    /** Seconds a sender is asked to wait before trying again. */
    public static final long RETRY_AFTER = 5;

    public KeyFetchesBusyException(int fetches) {
        super("The server is fetching as many remote actors' keys as it allows at once (" + fetches + "); nothing was"
                + " done for this request: try again in " + RETRY_AFTER + " s (Retry-After).");
    }

    public long retryAfter() {
        return RETRY_AFTER;
    }
}
