package io.broadsheet.web;

/** A request body larger than its endpoint accepts. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long size, long limit) {
        super("The body has " + size + " bytes; this endpoint accepts at most " + limit
                + ". Send many articles through POST /api/articles/import.");
    }
}
