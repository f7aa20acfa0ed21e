package io.broadsheet.fediverse;

import io.broadsheet.fediverse.signature.PublicKeys;
import io.broadsheet.storage.ActorKeyRepository;
import io.broadsheet.storage.ActorKeyRepository.StoredKey;
import jakarta.inject.Singleton;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA 2048 key pair of each feed's actor: made the first time it is needed and stored in the database, so that
 * every instance signs with the same key and a restart changes nothing. Kept in memory once read: the map grows with
 * the public feeds, which only the newsroom creates (feeds-config and categories), and is only asked for names
 * {@link Actors#isActor} accepted.
 */
@Singleton
public class ActorKeys {

    private static final int BITS = 2048;

    /** A feed's key pair as the actor document and the signer use it. */
    public record ActorKey(String publicKeyPem, PrivateKey privateKey, Instant createdAt) {
    }

    private final ActorKeyRepository keys;
    private final Clock clock;
    private final Map<String, ActorKey> cache = new ConcurrentHashMap<>();

    public ActorKeys(ActorKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The private key that signs what {@code feed} sends. */
    public PrivateKey privateKey(String feed) {
        return key(feed).privateKey();
    }

    /** The public key of {@code feed}'s actor, as SPKI PEM. */
    public String publicKeyPem(String feed) {
        return key(feed).publicKeyPem();
    }

    /** The feed's key pair: from memory, else from the database, else made, stored and read back. */
    public ActorKey key(String feed) {
        return cache.computeIfAbsent(feed, this::load);
    }

    private ActorKey load(String feed) {
        StoredKey stored = keys.find(feed).orElseGet(() -> {
            StoredKey made = make(feed);
            // another instance may have stored one since: then its row stands and ours is dropped
            return keys.insertIfAbsent(made) ? made : keys.find(feed).orElseThrow(() -> new IllegalStateException(
                    "the key of " + feed + " was neither stored nor found"));
        });
        return new ActorKey(stored.publicKeyPem(), PublicKeys.privateKey(stored.privateKeyPkcs8()), stored.createdAt());
    }

    private StoredKey make(String feed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            KeyPair pair = generator.generateKeyPair();
            return new StoredKey(feed, PublicKeys.toPem(pair.getPublic()), PublicKeys.pkcs8Base64(pair.getPrivate()),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
