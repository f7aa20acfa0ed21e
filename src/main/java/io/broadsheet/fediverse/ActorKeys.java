package io.broadsheet.fediverse;

import io.broadsheet.fediverse.signature.PublicKeys;
import jakarta.inject.Singleton;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each feed actor's RSA key pair. */
@Singleton
public class ActorKeys {

    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();

    public PrivateKey privateKey(String feed) {
        return pair(feed).getPrivate();
    }

    public String publicKeyPem(String feed) {
        return PublicKeys.toPem(pair(feed).getPublic());
    }

    private KeyPair pair(String feed) {
        return keys.computeIfAbsent(feed, f -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
