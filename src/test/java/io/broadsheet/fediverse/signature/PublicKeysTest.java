package io.broadsheet.fediverse.signature;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys as actors publish them and as the database keeps ours. */
class PublicKeysTest {

    @Test
    void rsaAndEd25519PublicKeysComeBackFromTheirPem() throws Exception {
        for (PublicKey key : new PublicKey[] {Keys.RSA.getPublic(), Keys.ED25519.getPublic()}) {
            String pem = PublicKeys.toPem(key);
            assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n") && pem.endsWith("\n-----END PUBLIC KEY-----\n"), pem);
            assertArrayEquals(key.getEncoded(), PublicKeys.fromPem(pem).getEncoded(), "the " + key.getAlgorithm() + " key read back");
        }
    }

    @Test
    void aPkcs1RsaPublicKeyIsReadToo() throws Exception {
        String pkcs1 = Messages.vector("cavage-test-key.pub");
        PublicKey spki = PublicKeys.fromPem(pkcs1);
        byte[] der = spki.getEncoded();
        byte[] inner = java.util.Arrays.copyOfRange(der, der.length - 140, der.length);
        String pem = "-----BEGIN RSA PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(inner) + "\n-----END RSA PUBLIC KEY-----";
        assertEquals(spki, PublicKeys.fromPem(pem));
    }

    @Test
    void aPrivateKeyComesBackFromItsPkcs8Base64() {
        PrivateKey key = Keys.RSA.getPrivate();
        assertEquals(key, PublicKeys.privateKey(PublicKeys.pkcs8Base64(key)));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.privateKey("not a key"));
    }

    @Test
    void garbageAndWeakKeysAreRefusedByName() throws Exception {
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(512);
        String weak = PublicKeys.toPem(small.generateKeyPair().getPublic());
        String[][] cases = {
            {"hello", "not a PEM"},
            {"-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----", "not base64"},
            {"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "neither an RSA"},
            {weak, "has 512 bits"},
            {"x".repeat(9000), "longer than"},
        };
        for (String[] c : cases) {
            SignatureException e = assertThrows(SignatureException.class, () -> PublicKeys.fromPem(c[0]));
            assertTrue(e.getMessage().contains(c[1]), "expected \"" + c[1] + "\", got: " + e.getMessage());
        }
    }

    private static String pemWithExponent(BigInteger exponent) throws Exception {
        BigInteger modulus = ((RSAPublicKey) Keys.RSA.getPublic()).getModulus();
        return PublicKeys.toPem(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)));
    }

    @Test
    void anRsaExponentOverTwoToTheThirtySecondIsRefused() throws Exception {
        BigInteger twoTo32 = BigInteger.ONE.shiftLeft(32);
        for (BigInteger exponent : new BigInteger[] {twoTo32.add(BigInteger.ONE), twoTo32.shiftLeft(1).subtract(BigInteger.ONE)}) {
            SignatureException e = assertThrows(SignatureException.class, () -> PublicKeys.fromPem(pemWithExponent(exponent)),
                    "expected the exponent " + exponent + " refused");
            assertTrue(e.getMessage().contains("exponent is larger than 2^32"), "got: " + e.getMessage());
        }
        assertEquals(twoTo32.subtract(BigInteger.ONE),
                ((RSAPublicKey) PublicKeys.fromPem(pemWithExponent(twoTo32.subtract(BigInteger.ONE)))).getPublicExponent());
    }
}
