package io.broadsheet.fediverse;

/**
 * An inbox request whose HTTP Signature is missing, malformed, stale, made with another key, or whose key could not
 * be fetched: nothing it asks for is done.
 */
public class UnverifiedRequestException extends RuntimeException {

    public UnverifiedRequestException(String detail) {
        super("The request's HTTP Signature cannot be verified: " + detail
                + ". Sign inbox requests as Mastodon does (draft-cavage rsa-sha256 over (request-target), host, date"
                + " and digest) or with RFC 9421, with a key the signer's actor document publishes.");
    }
}
