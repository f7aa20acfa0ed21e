package io.broadsheet.fediverse;

/** A well-formed inbox request from a sender the service refuses: a blocked domain, or a signer that is not the actor. */
public class SenderRefusedException extends RuntimeException {

    public SenderRefusedException(String detail) {
        super(detail);
    }
}
