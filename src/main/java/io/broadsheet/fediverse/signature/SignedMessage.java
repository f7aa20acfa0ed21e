package io.broadsheet.fediverse.signature;

import java.security.PublicKey;
import java.time.Instant;

/** A signature read from a request, ready to be checked with the key its {@link #keyId()} names. */
public interface SignedMessage {

    /** The key id the sender named: draft-cavage's {@code keyId}, RFC 9421's {@code keyid}. */
    String keyId();

    /**
     * Checks the signature with the sender's key (RSA PKCS#1 v1.5 / RSA-PSS / Ed25519 as the algorithm says), that a
     * body's digest (Digest SHA-256/SHA-512, or Content-Digest sha-256/sha-512) matches and is signed, and freshness:
     * Date or created within 12 hours before and 1 hour after now, expires not passed.
     */
    void verify(PublicKey key, Instant now) throws SignatureException;
}
