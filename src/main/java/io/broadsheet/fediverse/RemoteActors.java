package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.fediverse.signature.HttpSignatures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Remote actors' public keys, by key id: kept in a bounded LRU cache (key-cache-size), fetched on a miss with a
 * signed GET of the key id's document (no redirect followed; at most 1 MiB, at most fetch-concurrency at once per instance: beyond them
 * the caller is told to come back), never from a blocked domain. A key that fails to verify once it is
 * {@link #ROTATION_AGE} old is fetched again (the actor may have rotated it).
 */
@Singleton
public class RemoteActors {

    /** A cached key older than this is fetched again when a signature fails with it. */
    public static final Duration ROTATION_AGE = Duration.ofMinutes(10);
    static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
    static final String ACCEPT = "application/activity+json, application/ld+json;"
            + " profile=\"https://www.w3.org/ns/activitystreams\"";
    private static final long FETCH_WAIT_MILLIS = 200;

    private final FediverseHttp http;
    private final Actors actors;
    private final ActorKeys keys;
    private final FeedsConfig config;
    private final JsonMapper json;
    private final Clock clock;
    private final Semaphore fetches;
    private final int maxFetches;
    private final Map<String, ActorDocument> cache;

    public RemoteActors(FediverseHttp http, Actors actors, ActorKeys keys, FeedsConfig config, JsonMapper json,
                        Clock clock, FediverseSettings settings) {
        this.http = http;
        this.actors = actors;
        this.keys = keys;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.maxFetches = settings.fetchConcurrency();
        this.fetches = new Semaphore(maxFetches);
        int size = settings.keyCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ActorDocument> eldest) {
                return size() > size;
            }
        };
    }

    /** The cached document of a key id, if any. */
    public synchronized ActorDocument cached(String keyId) {
        return cache.get(keyId);
    }

    /** The document of a key id from the cache, or fetched signed as {@code signingFeed}'s actor. */
    public ActorDocument key(String keyId, String signingFeed) {
        ActorDocument cached = cached(keyId);
        return cached != null ? cached : fetch(keyId, signingFeed);
    }

    /** True when a key that failed to verify may be fetched again: it was cached {@link #ROTATION_AGE} ago or more. */
    public boolean mayHaveRotated(ActorDocument document) {
        return !document.fetchedAt().plus(ROTATION_AGE).isAfter(clock.instant());
    }

    /**
     * Fetches the document of a key id (its URL without the fragment, no redirect followed) and caches it. When the
     * document's id is another URL, that URL is fetched as well and must publish the same key under the same key id:
     * the actor is that id (as Mastodon checks), so a JSON file uploaded to a server cannot speak for its actors.
     */
    public ActorDocument fetch(String keyId, String signingFeed) {
        URI uri = documentUrl(keyId);
        if (!fetches.tryAcquire()) {
            acquireAfterAWait(); // a permit, or KeyFetchesBusyException
        }
        try {
            ActorDocument document = document(uri, keyId, signingFeed);
            if (!document.id().equals(uri.toString())) {
                document = owner(document, keyId, signingFeed);
            }
            synchronized (this) {
                cache.put(keyId, document);
            }
            return document;
        } finally {
            fetches.release();
        }
    }

    /** The document at the key document's id, which must be that id's and publish the same key under the key id. */
    private ActorDocument owner(ActorDocument keyDocument, String keyId, String signingFeed) {
        ActorDocument owner = document(URI.create(keyDocument.id()), keyId, signingFeed);
        if (!owner.id().equals(keyDocument.id()) || !owner.key().equals(keyDocument.key())) {
            throw new UnverifiedRequestException("the key document " + abbreviated(keyId) + " names the actor "
                    + keyDocument.id() + ", whose own document does not publish that key");
        }
        return owner;
    }

    /** One actor document, fetched signed and read; a 404 or 410 is {@link ActorGoneException}. */
    private ActorDocument document(URI uri, String keyId, String signingFeed) {
        try {
            HttpResponse<byte[]> response = http.send(signedGet(uri, signingFeed), MAX_DOCUMENT_BYTES);
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                throw new ActorGoneException(uri.toString(), response.statusCode());
            }
            if (response.statusCode() != 200) {
                throw new UnverifiedRequestException("the signer's actor " + uri + " answered " + response.statusCode()
                        + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
            }
            return ActorDocument.parse(read(response.body(), uri), keyId, clock.instant());
        } catch (ActorDocument.InvalidDocumentException e) {
            throw new UnverifiedRequestException("the signer's actor " + uri + " is unusable: " + e.getMessage());
        } catch (IOException e) {
            throw new UnverifiedRequestException("the signer's actor " + uri + " could not be fetched: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnverifiedRequestException("the fetch of the signer's actor " + uri + " was interrupted");
        }
    }

    /** Empties the key cache, as a restart does. */
    synchronized void forgetKeys() {
        cache.clear();
    }

    private void acquireAfterAWait() {
        try {
            if (!fetches.tryAcquire(FETCH_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new KeyFetchesBusyException(maxFetches);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyFetchesBusyException(maxFetches);
        }
    }

    /** The key id's URL without its fragment: checked for length, scheme and a blocked domain before any fetch. */
    private URI documentUrl(String keyId) {
        try {
            ActorDocument.checkUrl(keyId, "key id");
            URI key = new URI(keyId);
            if (config.blocksDomain(key.getHost())) {
                throw new SenderRefusedException("The signer's domain " + key.getHost() + " is blocked here.");
            }
            int fragment = keyId.indexOf('#');
            return fragment < 0 ? key : new URI(keyId.substring(0, fragment));
        } catch (ActorDocument.InvalidDocumentException | URISyntaxException e) {
            throw new UnverifiedRequestException("the keyId " + abbreviated(keyId) + " is not usable: " + e.getMessage());
        }
    }

    private HttpRequest signedGet(URI uri, String feed) {
        HttpRequest.Builder get = HttpRequest.newBuilder(uri).GET().header("Accept", ACCEPT);
        HttpSignatures.sign("GET", uri, null, null, actors.keyId(feed), keys.privateKey(feed), clock.instant())
                .forEach(get::header);
        return get.build();
    }

    private JsonNode read(byte[] body, URI uri) throws ActorDocument.InvalidDocumentException {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new ActorDocument.InvalidDocumentException("the document at " + uri + " is not JSON");
        }
    }

    static String abbreviated(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
