package io.broadsheet.fediverse.signature;

import java.security.PublicKey;
import java.time.Instant;

/** A signature read from a request, ready to be checked with the key its {@link #keyId()} names. */
public interface SignedMessage {

    /** The key id the sender named: draft-cavage's {@code keyId}, RFC 9421's {@code keyid}. */
    String keyId();

    /**
     * Checks that the signature covers the request (draft-cavage: {@code (request-target)} and {@code host}; RFC 9421:
     * {@code @method} and {@code @target-uri}, or {@code @authority}, {@code @path} and {@code @query}), freshness
     * (Date or created within 12 hours before and 1 hour after now, expires not passed), the signature with the
     * sender's key (RSA PKCS#1 v1.5 / RSA-PSS / Ed25519 / ECDSA P-256 as the algorithm says), and then that a body's
     * digest (Digest SHA-256/SHA-512, or Content-Digest sha-256/sha-512) is signed and matches, an empty body's too
     * when a digest is signed.
     */
    void verify(PublicKey key, Instant now) throws SignatureException;
}
