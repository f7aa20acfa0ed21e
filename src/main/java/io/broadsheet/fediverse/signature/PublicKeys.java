package io.broadsheet.fediverse.signature;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Keys as ActivityPub actors publish them ({@code publicKeyPem}: SPKI "PUBLIC KEY", RSA or Ed25519; a PKCS#1 "RSA
 * PUBLIC KEY" is read too) and as the database keeps ours (PKCS#8, base64). An RSA key of fewer than 1,024 or more
 * than 8,192 bits, or with a public exponent over 2^32, is refused: checking a signature with it would be weak or
 * would cost a stranger's chosen amount of time.
 */
public final class PublicKeys {

    private static final int MAX_PEM_CHARS = Limits.MAX_FIELD_CHARS;
    private static final BigInteger MAX_EXPONENT = BigInteger.ONE.shiftLeft(32);
    /** AlgorithmIdentifier of rsaEncryption with its NULL parameters (RFC 8017 appendix A.1). */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PublicKeys() {
    }

    /** The key of a PEM text: SPKI "PUBLIC KEY" (RSA, Ed25519 or EC) or PKCS#1 "RSA PUBLIC KEY". */
    public static PublicKey fromPem(String pem) throws SignatureException {
        if (pem == null || pem.length() > MAX_PEM_CHARS) {
            throw new SignatureException("the public key PEM is missing or longer than " + MAX_PEM_CHARS + " characters");
        }
        String text = pem.strip();
        boolean pkcs1 = text.startsWith("-----BEGIN RSA PUBLIC KEY-----");
        String label = pkcs1 ? "RSA PUBLIC KEY" : "PUBLIC KEY";
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw new SignatureException("the public key is not a PEM \"PUBLIC KEY\" block");
        }
        byte[] der;
        try {
            StringBuilder base64 = new StringBuilder();
            text.substring(begin.length(), text.length() - end.length()).chars()
                    .filter(c -> c != ' ' && c != '\t' && c != '\r' && c != '\n').forEach(c -> base64.append((char) c));
            der = Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the public key PEM is not base64");
        }
        return checked(decode(pkcs1 ? spkiOfPkcs1(der) : der));
    }

    /** The SPKI PEM text of a public key, in lines of 64 characters. */
    public static String toPem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** The RSA private key of its PKCS#8 encoding in base64. */
    public static PrivateKey privateKey(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 base64: " + e.getMessage(), e);
        }
    }

    /** The PKCS#8 encoding of a private key, in base64. */
    public static String pkcs8Base64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static PublicKey decode(byte[] spki) throws SignatureException {
        for (String algorithm : new String[] {"RSA", "Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // not this algorithm: try the next one
            }
        }
        throw new SignatureException("the public key is neither an RSA, an Ed25519 nor an EC key in SPKI form");
    }

    private static PublicKey checked(PublicKey key) throws SignatureException {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < 1024 || bits > 8192) {
                throw new SignatureException("the RSA public key has " + bits + " bits; expected 1024 to 8192");
            }
            if (rsa.getPublicExponent().compareTo(MAX_EXPONENT) > 0) {
                throw new SignatureException("the RSA public key's exponent is larger than 2^32");
            }
        }
        return key;
    }

    /** SubjectPublicKeyInfo ::= SEQUENCE { rsaEncryption, BIT STRING { RSAPublicKey } } (RFC 5280 section 4.1). */
    static byte[] spkiOfPkcs1(byte[] rsaPublicKey) {
        ByteArrayOutputStream bitString = new ByteArrayOutputStream();
        bitString.write(0);
        bitString.writeBytes(rsaPublicKey);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tagged(0x03, bitString.toByteArray()));
        return tagged(0x30, body.toByteArray());
    }

    /** PrivateKeyInfo ::= SEQUENCE { 0, rsaEncryption, OCTET STRING { RSAPrivateKey } } (RFC 5208 section 5). */
    static byte[] pkcs8OfPkcs1(byte[] rsaPrivateKey) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM);
        body.writeBytes(tagged(0x04, rsaPrivateKey));
        return tagged(0x30, body.toByteArray());
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
