/**
 * HTTP Signatures of ActivityPub requests: signing as Mastodon signs (draft-cavage-12, rsa-sha256, with a Digest)
 * and reading an incoming signature ({@link io.broadsheet.fediverse.signature.HttpSignatures}); pure Java.
 */
package io.broadsheet.fediverse.signature;
