package io.broadsheet.fediverse.signature;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** Key pairs made once per test JVM (an RSA 2048 key takes a moment to make). */
final class Keys {

    static final KeyPair RSA = generate("RSA", 2048);
    static final KeyPair OTHER_RSA = generate("RSA", 2048);
    static final KeyPair ED25519 = generate("Ed25519", 0);

    private Keys() {
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (bits > 0) {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
