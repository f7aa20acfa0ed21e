package io.broadsheet.fediverse;

import jakarta.inject.Singleton;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
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
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pair(feed).getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private KeyPair pair(String feed) {
        return keys.computeIfAbsent(feed, f -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
