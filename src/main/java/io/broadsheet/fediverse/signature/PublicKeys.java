package io.broadsheet.fediverse.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM and PKCS#8 forms of keys. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** An SPKI "PUBLIC KEY" PEM: RSA or Ed25519. */
    public static PublicKey fromPem(String pem) throws SignatureException {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the public key is not PEM: " + e.getMessage());
        }
        for (String algorithm : new String[]{"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new SignatureException("the public key is neither RSA nor Ed25519");
    }

    public static String toPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** An RSA private key from its PKCS#8 DER in base64. */
    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8: " + e.getMessage(), e);
        }
    }

    public static String pkcs8Base64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
