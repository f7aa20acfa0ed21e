/** HTTP Signatures of ActivityPub requests: signing outgoing ones and reading incoming ones ({@link io.broadsheet.fediverse.signature.HttpSignatures}). */
package io.broadsheet.fediverse.signature;
