package io.broadsheet.fediverse.signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The body's Digest and Content-Digest: each algorithm is named once, a field has at most 20 parts. */
class DigestsTest {

    private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = Base64.getEncoder().encodeToString(Digests.hash("SHA-256", BODY));

    private static void assertRefused(String expected, Executable check) {
        SignatureException e = assertThrows(SignatureException.class, check, "expected a refusal naming \"" + expected + "\"");
        assertTrue(e.getMessage().contains(expected), "expected a message naming \"" + expected + "\", got: " + e.getMessage());
    }

    @Test
    void aDigestMatchingTheBodyIsAccepted() throws Exception {
        Digests.checkDigest("SHA-256=" + SHA256 + ", x-unknown=abc", BODY);
        Digests.checkContentDigest("sha-256=:" + SHA256 + ":, x-unknown=:AAAA:", BODY);
    }

    @Test
    void aDigestNamingAnAlgorithmTwiceIsRefused() {
        assertRefused("names sha-256 twice", () -> Digests.checkDigest("SHA-256=" + SHA256 + ",sha-256=" + SHA256, BODY));
        assertRefused("names md5 twice", () -> Digests.checkDigest("SHA-256=" + SHA256 + ",MD5=AAAA,md5=AAAA", BODY));
    }

    @Test
    void aDigestOfMoreThanTwentyPartsIsRefusedWithoutMergingItsTail() {
        StringBuilder parts = new StringBuilder("SHA-256=" + SHA256);
        for (int i = 1; i < 21; i++) {
            parts.append(",x-").append(i).append("=AAAA");
        }
        assertRefused("more than 20 parts", () -> Digests.checkDigest(parts.toString(), BODY));
        assertRefused("more than 20 parts", () -> Digests.checkContentDigest(parts.toString().replace("SHA-256=" + SHA256, "sha-256=:" + SHA256 + ":")
                .replace("=AAAA", "=:AAAA:"), BODY));
    }

    @Test
    void twentyPartsAreStillRead() throws Exception {
        StringBuilder parts = new StringBuilder("SHA-256=" + SHA256);
        for (int i = 1; i < 20; i++) {
            parts.append(",x-").append(i).append("=AAAA");
        }
        Digests.checkDigest(parts.toString(), BODY);
    }
}
