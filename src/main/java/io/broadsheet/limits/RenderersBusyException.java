package io.broadsheet.limits;

/** Every render slot stayed taken for the whole wait: the request was not rendered and may be tried again. */
public class RenderersBusyException extends RuntimeException {

    /** Seconds a client is asked to wait before trying again. */
    public static final long RETRY_AFTER = 1;

    public RenderersBusyException(int slots) {
        super("The server is rendering as many feeds and pages as it allows at once (" + slots
                + "); nothing was rendered for this request: try again in " + RETRY_AFTER + " s (Retry-After).");
    }

    public long retryAfter() {
        return RETRY_AFTER;
    }
}
