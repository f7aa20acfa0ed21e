package io.broadsheet.fediverse.signature;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.fediverse.signature.Messages.parse;
import static io.broadsheet.fediverse.signature.Messages.vector;
import static io.broadsheet.fediverse.signature.Messages.withBody;
import static io.broadsheet.fediverse.signature.Messages.withField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published test vectors (src/test/resources/fediverse/signature-vectors/README.md names their sources):
 * draft-cavage-12 appendix C (its RSA key, the Default, Basic and All Headers tests: exact signing strings and,
 * PKCS#1 v1.5 being deterministic, exact signatures) and RFC 9421 appendix B (B.2.1 to B.2.3 rsa-pss-sha512 and
 * B.2.6 ed25519: the signature base built equals the published one, the published signature verifies with the
 * published key, and B.2.6 signed again gives the same bytes; B.2.4's ecdsa-p256-sha256 signature over its printed
 * base). B.2.5 (HMAC) is not supported and not tested.
 *
 * <p>Several vectors do not cover the request they sign, so a signature of theirs could be replayed on another
 * request: draft-cavage C.1 (only {@code date}; no {@code (request-target)} nor {@code host}), RFC 9421 B.2.1
 * (no component), B.2.2 ({@code @authority}, {@code content-digest} and one query parameter; no {@code @method}) and
 * B.2.6 (no {@code @query} of a request that has one). They are checked here as signature bases and as
 * cryptography, through {@code checkSignature}; {@code HttpSignatures.read(...).verify} refuses each of them, as the
 * tests named "...RefusedFor..." show. C.2 covers the request and verifies on it without its body; C.2 without a
 * covered digest, C.3 and B.2.3 go through {@code verify} as published.
 */
class PublishedVectorsTest {

    private static final Instant CAVAGE_DATE = Instant.parse("2014-01-05T21:31:40Z");
    private static final Instant RFC_CREATED = Instant.ofEpochSecond(1618884473L);

    private static PublicKey cavageKey() throws SignatureException {
        return PublicKeys.fromPem(vector("cavage-test-key.pub"));
    }

    private static IncomingRequest cavageRequest(String field, String value) {
        return withField(parse(vector("cavage-request.txt"), "https"), field, value);
    }

    private static String signatureParameter(String field) {
        int start = field.indexOf("signature=\"") + "signature=\"".length();
        return field.substring(start, field.indexOf('"', start));
    }

    @Test
    void cavageDefaultTestHasTheDraftsSigningStringAndVerifies() throws Exception {
        CavageSignature signature = (CavageSignature) HttpSignatures.read(cavageRequest("Signature", vector("cavage-c1-default-signature.txt")));
        assertEquals(vector("cavage-c1-default-signing-string.txt"), signature.signingString());
        assertEquals("Test", signature.keyId());
        signature.checkSignature(cavageKey());
    }

    @Test
    void cavageDefaultTestIsSignedToTheDraftsExactBytes() throws Exception {
        PrivateKey key = Messages.privateKey(vector("cavage-test-key.pem"), "RSA");
        byte[] signed = Algorithms.RSA_V1_5_SHA256.sign(key, vector("cavage-c1-default-signing-string.txt"));
        assertEquals(signatureParameter(vector("cavage-c1-default-signature.txt")), Base64.getEncoder().encodeToString(signed));
    }

    @Test
    void cavageBasicTestInAnAuthorizationFieldHasTheDraftsSigningStringAndVerifies() throws Exception {
        String authorization = "Signature " + vector("cavage-c2-basic-authorization.txt");
        CavageSignature signature = (CavageSignature) HttpSignatures.read(cavageRequest("Authorization", authorization));
        assertEquals(vector("cavage-c2-basic-signing-string.txt"), signature.signingString());
        signature.checkSignature(cavageKey());
    }

    @Test
    void signingABodilessRequestAsMastodonGivesTheBasicTestsExactSignature() throws Exception {
        PrivateKey key = Messages.privateKey(vector("cavage-test-key.pem"), "RSA");
        Map<String, String> fields = HttpSignatures.sign("POST", URI.create("https://example.com/foo?param=value&pet=dog"), null,
                null, "Test", key, CAVAGE_DATE);
        assertEquals(List.of("Date", "Signature"), List.copyOf(fields.keySet()));
        assertEquals("Sun, 05 Jan 2014 21:31:40 GMT", fields.get("Date"));
        assertEquals("keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\",signature=\""
                + signatureParameter(vector("cavage-c2-basic-authorization.txt")) + "\"", fields.get("Signature"));
    }

    @Test
    void cavageAllHeadersTestVerifiesWithItsBodyAndDigestAtTheDraftsTime() throws Exception {
        SignedMessage signature = HttpSignatures.read(cavageRequest("Signature", vector("cavage-c3-all-headers-signature.txt")));
        assertEquals(vector("cavage-c3-all-headers-signing-string.txt"), ((CavageSignature) signature).signingString());
        signature.verify(cavageKey(), CAVAGE_DATE);
        PrivateKey key = Messages.privateKey(vector("cavage-test-key.pem"), "RSA");
        byte[] signed = Algorithms.RSA_V1_5_SHA256.sign(key, vector("cavage-c3-all-headers-signing-string.txt"));
        assertEquals(signatureParameter(vector("cavage-c3-all-headers-signature.txt")), Base64.getEncoder().encodeToString(signed));
    }

    @Test
    void cavageDefaultTestOnARequestWithABodyIsRefusedForItsUnsignedDigest() throws Exception {
        SignedMessage signature = HttpSignatures.read(cavageRequest("Signature", vector("cavage-c1-default-signature.txt")));
        SignatureException e = assertThrows(SignatureException.class, () -> signature.verify(cavageKey(), CAVAGE_DATE));
        assertTrue(e.getMessage().contains("has a body but its signature does not cover digest"),
                "expected the unsigned digest named, got: " + e.getMessage());
    }

    @Test
    void cavageDefaultTestWithoutABodyIsRefusedForNotCoveringTheRequest() throws Exception {
        SignedMessage signature = HttpSignatures.read(withBody(cavageRequest("Signature", vector("cavage-c1-default-signature.txt")), null));
        SignatureException e = assertThrows(SignatureException.class, () -> signature.verify(cavageKey(), CAVAGE_DATE));
        assertTrue(e.getMessage().contains("does not cover (request-target)"), "expected the uncovered target named, got: " + e.getMessage());
    }

    @Test
    void cavageBasicTestVerifiesOnTheRequestWithoutItsBody() throws Exception {
        String authorization = "Signature " + vector("cavage-c2-basic-authorization.txt");
        HttpSignatures.read(withBody(cavageRequest("Authorization", authorization), null)).verify(cavageKey(), CAVAGE_DATE);
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(cavageRequest("Authorization", authorization)).verify(cavageKey(), CAVAGE_DATE));
        assertTrue(e.getMessage().contains("has a body but its signature does not cover digest"), "got: " + e.getMessage());
    }

    private static MessageSignature rfcSignature(String name) throws SignatureException {
        return (MessageSignature) HttpSignatures.read(parse(vector(name), "https"));
    }

    private static PublicKey rfcKey(String name) throws SignatureException {
        return PublicKeys.fromPem(vector(name));
    }

    @Test
    void rfc9421MinimalSignatureB21HasThePublishedBaseAndVerifiesWithRsaPss() throws Exception {
        MessageSignature signature = rfcSignature("rfc9421-b21-request-signed.txt");
        assertEquals("sig-b21", signature.label());
        assertEquals("test-key-rsa-pss", signature.keyId());
        assertEquals(vector("rfc9421-b21-request-sigbase.txt"), signature.signatureBase());
        signature.checkSignature(rfcKey("rfc9421-test-key-rsa-pss.pub"));
        SignatureException e = assertThrows(SignatureException.class,
                () -> signature.verify(rfcKey("rfc9421-test-key-rsa-pss.pub"), RFC_CREATED));
        assertTrue(e.getMessage().contains("does not cover content-digest"), "expected the uncovered body named, got: " + e.getMessage());
    }

    @Test
    void rfc9421MinimalSignatureB21WithoutABodyIsRefusedForNotCoveringTheRequest() throws Exception {
        SignedMessage signature = HttpSignatures.read(withBody(parse(vector("rfc9421-b21-request-signed.txt"), "https"), null));
        SignatureException e = assertThrows(SignatureException.class,
                () -> signature.verify(rfcKey("rfc9421-test-key-rsa-pss.pub"), RFC_CREATED));
        assertTrue(e.getMessage().contains("does not cover @method"), "expected the uncovered method named, got: " + e.getMessage());
    }

    @Test
    void rfc9421SelectiveSignatureB22HasThePublishedBaseVerifiesAndIsRefusedForNotCoveringTheMethod() throws Exception {
        MessageSignature signature = rfcSignature("rfc9421-b22-request-signed.txt");
        assertEquals(vector("rfc9421-b22-request-sigbase.txt"), signature.signatureBase());
        signature.checkSignature(rfcKey("rfc9421-test-key-rsa-pss.pub"));
        SignatureException e = assertThrows(SignatureException.class,
                () -> signature.verify(rfcKey("rfc9421-test-key-rsa-pss.pub"), RFC_CREATED));
        assertTrue(e.getMessage().contains("does not cover @method"), "expected the uncovered method named, got: " + e.getMessage());
    }

    @Test
    void rfc9421FullCoverageB23HasThePublishedBaseAndVerifies() throws Exception {
        MessageSignature signature = rfcSignature("rfc9421-b23-request-signed.txt");
        assertEquals(vector("rfc9421-b23-request-sigbase.txt"), signature.signatureBase());
        signature.verify(rfcKey("rfc9421-test-key-rsa-pss.pub"), RFC_CREATED);
    }

    @Test
    void rfc9421EcdsaSignatureB24VerifiesOverItsPublishedBase() throws Exception {
        String signed = vector("rfc9421-b24-response-signed.txt");
        String field = signed.lines().filter(l -> l.startsWith("Signature: ")).findFirst().orElseThrow();
        byte[] signature = (byte[]) StructuredFields.parseDictionary(field.substring("Signature: ".length()), "Signature")
                .get("sig-b24").value();
        assertTrue(Algorithms.ECDSA_P256_SHA256.verifies(rfcKey("rfc9421-test-key-ecc-p256.pub"),
                vector("rfc9421-b24-response-sigbase.txt"), signature), "expected B.2.4's ECDSA signature to verify");
    }

    @Test
    void rfc9421Ed25519SignatureB26HasThePublishedBaseVerifiesIsSignedToTheSameBytesAndIsRefusedForNotCoveringTheQuery() throws Exception {
        IncomingRequest request = parse(vector("rfc9421-b26-request-signed.txt"), "https");
        MessageSignature signature = (MessageSignature) HttpSignatures.read(request);
        assertEquals(vector("rfc9421-b26-request-sigbase.txt"), signature.signatureBase());
        signature.checkSignature(rfcKey("rfc9421-test-key-ed25519.pub"));
        SignedMessage bodiless = HttpSignatures.read(withBody(request, null));
        SignatureException e = assertThrows(SignatureException.class,
                () -> bodiless.verify(rfcKey("rfc9421-test-key-ed25519.pub"), RFC_CREATED));
        assertTrue(e.getMessage().contains("does not cover @query"), "expected the uncovered query named, got: " + e.getMessage());

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", 1618884473L);
        params.put("keyid", "test-key-ed25519");
        Map<String, String> fields = MessageSignature.sign("sig-b26", request,
                List.of("date", "@method", "@path", "@authority", "content-type", "content-length"), params,
                Algorithms.ED25519, Messages.privateKey(vector("rfc9421-test-key-ed25519.key"), "Ed25519"));
        assertEquals(request.header().apply("signature-input").get(0), fields.get("Signature-Input"));
        assertEquals(request.header().apply("signature").get(0), fields.get("Signature"));
    }
}
