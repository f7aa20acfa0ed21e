/**
 * HTTP Signatures for the fediverse, in plain Java (java.security only; nothing of Micronaut, nothing of ours):
 * outgoing requests signed as Mastodon signs them (draft-cavage-http-signatures-12, rsa-sha256, with a Digest of
 * the body), incoming ones read in either scheme (draft-cavage-12's {@code Signature} or {@code Authorization:
 * Signature}, RFC 9421's {@code Signature-Input} and {@code Signature}) and verified with RSA PKCS#1 v1.5, RSA-PSS,
 * Ed25519 or ECDSA P-256, with the body's digest and the signature's freshness checked. Every field read is bounded
 * (8 KiB, 20 components) and parsed in one pass without regular expressions; every problem is a
 * {@link io.broadsheet.fediverse.signature.SignatureException} that names it. Read
 * {@link io.broadsheet.fediverse.signature.HttpSignatures} first; {@code CavageSignature} and
 * {@code MessageSignature} hold the two schemes, {@code StructuredFields} the RFC 8941 parser and {@code StructuredFieldWriter} its writer.
 */
package io.broadsheet.fediverse.signature;
