package io.broadsheet.fediverse.signature;

/** A signature or key that is missing, malformed or does not verify; the message says which. */
public final class SignatureException extends Exception {

    public SignatureException(String message) {
        super(message);
    }
}
