package io.broadsheet.fediverse.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Public keys as SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}) and RSA private keys as PKCS#8 in base64. */
public final class PublicKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeys() {
    }

    /** An SPKI "PUBLIC KEY" PEM: RSA or Ed25519. */
    public static PublicKey fromPem(String pem) throws SignatureException {
        if (pem == null || !pem.contains(BEGIN) || !pem.contains(END)) {
            throw new SignatureException("publicKeyPem is not a PEM \"PUBLIC KEY\"");
        }
        String body = pem.substring(pem.indexOf(BEGIN) + BEGIN.length(), pem.indexOf(END)).replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new SignatureException("publicKeyPem is not base64");
        }
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new SignatureException("publicKeyPem is neither an RSA nor an Ed25519 key");
    }

    public static String toPem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return BEGIN + "\n" + base64 + "\n" + END + "\n";
    }

    /** An RSA private key from its PKCS#8 encoding in base64. */
    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8", e);
        }
    }

    public static String pkcs8Base64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
