package io.broadsheet.fediverse.signature;

import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;

/**
 * The signature algorithms of both schemes, each a JDK {@link Signature}: RSASSA-PKCS1-v1_5 with SHA-256, RSASSA-PSS
 * with SHA-512 (salt 64 bytes, as RFC 9421 section 3.3.1 says), Ed25519, and ECDSA P-256 with SHA-256 (the raw r||s
 * form of RFC 9421 section 3.3.4) with a key on the curve P-256 (secp256r1) only.
 */
enum Algorithms {

    RSA_V1_5_SHA256("rsa-v1_5-sha256"),
    RSA_PSS_SHA512("rsa-pss-sha512"),
    ED25519("ed25519"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256");

    /** RFC 9421's name of the algorithm. */
    final String rfcName;

    Algorithms(String rfcName) {
        this.rfcName = rfcName;
    }

    /** The RFC 9421 algorithm of this name, or null. */
    static Algorithms byRfcName(String name) {
        for (Algorithms a : values()) {
            if (a.rfcName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** The algorithms a key of this type may have signed with, when the sender did not say which. */
    static List<Algorithms> forKey(PublicKey key) throws SignatureException {
        if (key instanceof RSAKey) {
            return List.of(RSA_V1_5_SHA256, RSA_PSS_SHA512);
        }
        if (isEd25519(key)) {
            return List.of(ED25519);
        }
        if (isP256(key)) {
            return List.of(ECDSA_P256_SHA256);
        }
        if (key instanceof ECPublicKey) {
            throw new SignatureException("an EC key on a curve other than P-256 cannot check a signature here");
        }
        throw new SignatureException("a " + key.getAlgorithm() + " key cannot check a signature here (RSA, Ed25519 or EC P-256 only)");
    }

    static boolean isEd25519(PublicKey key) {
        return "Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm());
    }

    /**
     * True for an EC key on P-256: a field of 256 bits and the curve, order, generator and cofactor of secp256r1
     * (SEC 2 section 2.4.2), so that ecdsa-p256-sha256 is not checked with a key on another curve.
     */
    static boolean isP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        ECParameterSpec params = ec.getParams();
        ECParameterSpec p256 = P256.SPEC;
        return params.getCurve().getField().getFieldSize() == 256 && params.getCurve().equals(p256.getCurve())
                && params.getOrder().equals(p256.getOrder()) && params.getGenerator().equals(p256.getGenerator())
                && params.getCofactor() == p256.getCofactor();
    }

    boolean fits(PublicKey key) {
        return switch (this) {
            case RSA_V1_5_SHA256, RSA_PSS_SHA512 -> key instanceof RSAKey;
            case ED25519 -> isEd25519(key);
            case ECDSA_P256_SHA256 -> isP256(key);
        };
    }

    /** True when {@code signature} is this algorithm's signature of {@code base} by {@code key}. */
    boolean verifies(PublicKey key, String base, byte[] signature) throws SignatureException {
        if (!fits(key)) {
            throw new SignatureException("the algorithm " + rfcName + " does not fit the sender's " + key.getAlgorithm() + " key");
        }
        try {
            Signature verifier = engine();
            verifier.initVerify(key);
            verifier.update(base.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** This algorithm's signature of {@code base} by {@code key}. */
    byte[] sign(PrivateKey key, String base) {
        try {
            Signature signer = engine();
            signer.initSign(key);
            signer.update(base.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + rfcName + " and a " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    private Signature engine() throws GeneralSecurityException {
        switch (this) {
            case RSA_V1_5_SHA256:
                return Signature.getInstance("SHA256withRSA");
            case RSA_PSS_SHA512:
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                return pss;
            case ED25519:
                return Signature.getInstance("Ed25519");
            default:
                return Signature.getInstance("SHA256withECDSAinP1363Format");
        }
    }

    /** The standard parameters of P-256, as the JDK knows them by name. */
    private static final class P256 {

        static final ECParameterSpec SPEC = spec();

        private static ECParameterSpec spec() {
            try {
                AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                params.init(new ECGenParameterSpec("secp256r1"));
                return params.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java has the curve secp256r1", e);
            }
        }
    }
}
