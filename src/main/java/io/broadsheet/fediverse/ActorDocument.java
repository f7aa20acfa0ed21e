package io.broadsheet.fediverse;

import io.broadsheet.fediverse.signature.PublicKeys;
import io.broadsheet.fediverse.signature.SignatureException;
import io.micronaut.json.tree.JsonNode;

import java.net.URI;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Locale;

/**
 * The parts of a remote actor's document the inbox uses, checked: its id on the key id's host, its inbox and shared
 * inbox (http(s), at most {@value #MAX_URL} characters, on the actor's host), and the public key whose id is the key
 * id, owned by the actor.
 *
 * @param sharedInbox null when the actor has none (or names one on another host)
 * @param fetchedAt   when the document was read: a key that fails to verify is read again once it is 10 minutes old
 */
public record ActorDocument(String id, String inbox, String sharedInbox, String keyId, PublicKey key, Instant fetchedAt) {

    /** Remote URLs longer than this are refused: every index entry of fediverse_follower must fit. */
    public static final int MAX_URL = 1000;

    /** Reads the document fetched for {@code keyId}; an exception names what is wrong. */
    static ActorDocument parse(JsonNode document, String keyId, Instant now) throws InvalidDocumentException {
        if (document == null || !document.isObject()) {
            throw new InvalidDocumentException("it is not a JSON object");
        }
        String id = url(document.get("id"), "id");
        if (!host(id).equals(host(keyId))) {
            throw new InvalidDocumentException("its id " + id + " is not on the key id's host " + host(keyId));
        }
        String inbox = url(document.get("inbox"), "inbox");
        if (!host(inbox).equals(host(id))) {
            throw new InvalidDocumentException("its inbox " + inbox + " is not on the actor's host");
        }
        JsonNode endpoints = document.get("endpoints");
        JsonNode shared = endpoints != null && endpoints.isObject() ? endpoints.get("sharedInbox") : null;
        String sharedInbox = shared == null ? null : url(shared, "endpoints.sharedInbox");
        if (sharedInbox != null && !host(sharedInbox).equals(host(id))) {
            sharedInbox = null; // deliveries then go to the actor's own inbox
        }
        return new ActorDocument(id, inbox, sharedInbox, keyId, key(document.get("publicKey"), keyId, id), now);
    }

    /** The key whose id is {@code keyId} in {@code publicKey} (an object or an array of them), owned by the actor. */
    private static PublicKey key(JsonNode publicKey, String keyId, String actor) throws InvalidDocumentException {
        JsonNode match = null;
        if (publicKey != null && publicKey.isArray()) {
            for (JsonNode k : publicKey.values()) {
                if (k.isObject() && keyId.equals(text(k.get("id")))) {
                    match = k;
                }
            }
        } else if (publicKey != null && publicKey.isObject() && keyId.equals(text(publicKey.get("id")))) {
            match = publicKey;
        }
        if (match == null) {
            throw new InvalidDocumentException("it publishes no publicKey with the id " + keyId);
        }
        if (!actor.equals(text(match.get("owner")))) {
            throw new InvalidDocumentException("its key " + keyId + " is owned by " + text(match.get("owner"))
                    + ", not by the actor " + actor);
        }
        String pem = text(match.get("publicKeyPem"));
        if (pem == null || pem.length() > 20_000) {
            throw new InvalidDocumentException("its key " + keyId + " has no publicKeyPem");
        }
        try {
            return PublicKeys.fromPem(pem);
        } catch (SignatureException e) {
            throw new InvalidDocumentException("its key " + keyId + " cannot be read: " + e.getMessage());
        }
    }

    /** An absolute http(s) URL of at most {@value #MAX_URL} characters. */
    static String url(JsonNode node, String field) throws InvalidDocumentException {
        String text = text(node);
        if (text == null) {
            throw new InvalidDocumentException("its " + field + " is not a string");
        }
        checkUrl(text, field);
        return text;
    }

    static void checkUrl(String text, String field) throws InvalidDocumentException {
        if (text.length() > MAX_URL) {
            throw new InvalidDocumentException("its " + field + " is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidDocumentException("its " + field + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new InvalidDocumentException("its " + field + " is not an http(s) URL with a host");
        }
    }

    /** The host of a URL in lower case ("" without one). */
    static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    static String text(JsonNode node) {
        return node != null && node.isString() ? node.getStringValue() : null;
    }

    /** A remote document that is not an actor the inbox can use; the message says why. */
    static final class InvalidDocumentException extends Exception {
        InvalidDocumentException(String message) {
            super(message);
        }
    }
}
