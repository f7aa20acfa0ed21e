package io.broadsheet.web;

/** A request body larger than its endpoint accepts. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long size, long limit) {
        this(size, limit, "Send many articles through POST /api/articles/import.");
    }

    /** With {@code advice}: what the sender may do instead. */
    public BodyTooLargeException(long size, long limit, String advice) {
        super("The body has " + size + " bytes; this endpoint accepts at most " + limit + ". " + advice);
    }
}
