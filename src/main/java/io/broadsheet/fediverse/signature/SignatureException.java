package io.broadsheet.fediverse.signature;

/** A request's signature is missing, malformed, stale or does not verify; the message names the problem. */
public final class SignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignatureException(String message) {
        super(message);
    }
}
