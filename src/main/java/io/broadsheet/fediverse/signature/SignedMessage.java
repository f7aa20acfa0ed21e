package io.broadsheet.fediverse.signature;

import java.security.PublicKey;
import java.time.Instant;

/** An incoming request's signature, read but not yet checked. */
public interface SignedMessage {

    String keyId();

    /** Checks the signature with the sender's key, the body's digest and the freshness of the request. */
    void verify(PublicKey key, Instant now) throws SignatureException;
}
