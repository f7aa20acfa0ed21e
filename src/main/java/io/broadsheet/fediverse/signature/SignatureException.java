package io.broadsheet.fediverse.signature;

/** A signature that is missing, malformed, stale or does not verify; the message says which. */
public final class SignatureException extends Exception {

    public SignatureException(String message) {
        super(message);
    }
}
