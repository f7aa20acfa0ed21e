package io.broadsheet.fediverse.signature;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.fediverse.signature.Messages.withBody;
import static io.broadsheet.fediverse.signature.Messages.withField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9421 signatures: signed and verified, the derived components, and each way one is refused, by name. */
class MessageSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-07T11:24:35Z");
    private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
    private static final List<String> COVERED = List.of("@method", "@target-uri", "content-type", "content-digest");

    private static IncomingRequest unsigned(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Host", List.of("news.example.com"));
        fields.put("Content-Type", List.of("application/activity+json"));
        fields.put("Content-Digest", List.of("sha-256=:" + Base64.getEncoder().encodeToString(Digests.hash("SHA-256", body)) + ":"));
        return Messages.request("POST", "https", "news.example.com", "/fediverse/world/inbox?x=1", fields, body);
    }

    private static IncomingRequest signed(IncomingRequest request, List<String> components, Instant created) throws SignatureException {
        IncomingRequest out = request;
        for (Map.Entry<String, String> field : HttpSignatures.signRfc9421(request, components, "k1", Keys.RSA.getPrivate(), created).entrySet()) {
            out = withField(out, field.getKey(), field.getValue());
        }
        return out;
    }

    private static String refusal(IncomingRequest request, Instant now) {
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(request).verify(Keys.RSA.getPublic(), now));
        return e.getMessage();
    }

    private static void assertNames(String expected, String message) {
        assertTrue(message.contains(expected), "expected a message naming \"" + expected + "\", got: " + message);
    }

    @Test
    void aSignedRequestVerifiesWithItsContentDigest() throws Exception {
        IncomingRequest request = signed(unsigned(BODY), COVERED, NOW);
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-type\" \"content-digest\");created=" + NOW.getEpochSecond()
                + ";keyid=\"k1\";alg=\"rsa-v1_5-sha256\"", request.header().apply("Signature-Input").get(0));
        SignedMessage signature = HttpSignatures.read(request);
        assertEquals("k1", signature.keyId());
        signature.verify(Keys.RSA.getPublic(), NOW);
    }

    @Test
    void theDerivedComponentsHaveTheirSection22Values() throws Exception {
        List<String> derived = List.of("@method", "@target-uri", "@authority", "@scheme", "@request-target", "@path", "@query");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        IncomingRequest request = Messages.request("GET", "HTTPS", "News.Example.com:443", "/a/b?c=d&e", fields, null);
        IncomingRequest signed = signed(request, derived, NOW);
        String base = ((MessageSignature) HttpSignatures.read(signed)).signatureBase();
        assertEquals("\"@method\": GET\n\"@target-uri\": https://news.example.com/a/b?c=d&e\n\"@authority\": news.example.com\n"
                + "\"@scheme\": https\n\"@request-target\": /a/b?c=d&e\n\"@path\": /a/b\n\"@query\": ?c=d&e\n\"@signature-params\": ",
                base.substring(0, base.indexOf("\"@signature-params\": ") + 21));
    }

    @Test
    void aChangedBodyIsRefusedForItsContentDigest() throws Exception {
        IncomingRequest request = withBody(signed(unsigned(BODY), COVERED, NOW), "{}".getBytes(StandardCharsets.UTF_8));
        assertNames("Content-Digest SHA-256 does not match the body", refusal(request, NOW));
    }

    @Test
    void aChangedCoveredFieldIsRefusedAsNotVerifying() throws Exception {
        IncomingRequest request = withField(signed(unsigned(BODY), COVERED, NOW), "Content-Type", "text/plain");
        assertNames("signature sig1 of key k1 does not verify", refusal(request, NOW));
    }

    @Test
    void aBodyWithoutACoveredContentDigestIsRefused() throws Exception {
        IncomingRequest request = signed(unsigned(BODY), List.of("@method", "@target-uri"), NOW);
        assertNames("does not cover content-digest", refusal(request, NOW));
    }

    @Test
    void aStaleOrFutureCreatedIsRefused() throws Exception {
        assertNames("more than 12 hours before now", refusal(signed(unsigned(BODY), COVERED, NOW.minus(Duration.ofHours(13))), NOW));
        assertNames("more than 1 hour after now", refusal(signed(unsigned(BODY), COVERED, NOW.plus(Duration.ofHours(2))), NOW));
    }

    @Test
    void anExpiredSignatureIsRefused() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", NOW.getEpochSecond());
        params.put("expires", NOW.getEpochSecond() + 60);
        params.put("keyid", "k1");
        IncomingRequest request = unsigned(BODY);
        for (Map.Entry<String, String> f : MessageSignature.sign("sig1", request, COVERED, params, Algorithms.RSA_V1_5_SHA256,
                Keys.RSA.getPrivate()).entrySet()) {
            request = withField(request, f.getKey(), f.getValue());
        }
        HttpSignatures.read(request).verify(Keys.RSA.getPublic(), NOW.plusSeconds(59));
        assertNames("expired", refusal(request, NOW.plusSeconds(61)));
    }

    @Test
    void theFirstUsableOfSeveralSignaturesIsTheOneVerified() throws Exception {
        IncomingRequest request = signed(unsigned(BODY), COVERED, NOW);
        String input = request.header().apply("Signature-Input").get(0).replace("sig1=", "");
        String value = request.header().apply("Signature").get(0).replace("sig1=", "");
        IncomingRequest several = withField(withField(request, "Signature-Input",
                "hmac=(\"@method\");created=1;keyid=\"s\";alg=\"hmac-sha256\", resp=(\"@status\");created=1;keyid=\"s\", mine=" + input),
                "Signature", "hmac=:AAAA:, resp=:AAAA:, mine=" + value);
        MessageSignature chosen = (MessageSignature) HttpSignatures.read(several);
        assertEquals("mine", chosen.label());
        chosen.verify(Keys.RSA.getPublic(), NOW);
    }

    @Test
    void noUsableSignatureIsRefusedWithEachLabelsReason() {
        IncomingRequest request = withField(withField(unsigned(BODY), "Signature-Input",
                "a=(\"@method\");keyid=\"k\", b=(\"@method\");created=1, c=(\"@status\");created=1;keyid=\"k\", d=(\"Host\");created=1;keyid=\"k\","
                + " e=(\"@method\" \"@method\");created=1;keyid=\"k\", f=(\"host\";sf);created=1;keyid=\"k\", g=(\"@method\");created=1;keyid=\"k\""),
                "Signature", "a=:AAAA:, b=:AAAA:, c=:AAAA:, d=:AAAA:, e=:AAAA:, f=:AAAA:");
        SignatureException e = assertThrows(SignatureException.class, () -> HttpSignatures.read(request));
        for (String reason : List.of("a: it has no created integer", "b: it has no keyid string", "c: the component @status is not supported",
                "d: the field name \"Host\" is not in lower case", "e: it covers \"@method\" twice", "f: the component host has parameters (sf)",
                "g: the Signature field has no byte sequence for it")) {
            assertNames(reason, e.getMessage());
        }
    }

    @Test
    void moreThanTwentyComponentsAreRefused() {
        StringBuilder components = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            components.append(" \"x-").append(i).append('"');
        }
        IncomingRequest request = withField(withField(unsigned(BODY), "Signature-Input",
                "s=(" + components.toString().strip() + ");created=1;keyid=\"k\""), "Signature", "s=:AAAA:");
        SignatureException e = assertThrows(SignatureException.class, () -> HttpSignatures.read(request));
        assertNames("more than 20 components", e.getMessage());
    }

    @Test
    void aSignatureInputWithoutASignatureIsRefused() {
        IncomingRequest request = withField(unsigned(BODY), "Signature-Input", "s=(\"@method\");created=1;keyid=\"k\"");
        SignatureException e = assertThrows(SignatureException.class, () -> HttpSignatures.read(request));
        assertNames("Signature-Input field but no Signature field", e.getMessage());
    }

    @Test
    void anAlgorithmThatDoesNotFitTheKeyIsRefused() throws Exception {
        IncomingRequest request = signed(unsigned(BODY), COVERED, NOW);
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(request).verify(Keys.ED25519.getPublic(), NOW));
        assertNames("rsa-v1_5-sha256 does not fit the sender's", e.getMessage());
    }

    @Test
    void aContentDigestWithoutSha256OrSha512IsRefused() throws Exception {
        IncomingRequest request = signed(withField(unsigned(BODY), "Content-Digest", "md5=:AAAA:"), COVERED, NOW);
        assertNames("neither sha-256 nor sha-512", refusal(request, NOW));
    }

    @Test
    void aQueryParameterIsDecodedAndEncodedAgainAndNamedInItsEncodedForm() throws Exception {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Signature-Input", List.of("s=(\"@query-param\";name=\"caf%C3%A9\");created=1;keyid=\"k\""));
        fields.put("Signature", List.of("s=:AAAA:"));
        IncomingRequest request = Messages.request("GET", "https", "a.example", "/p?caf%c3%a9=caf%c3%a9+au%20lait&r=1", fields, null);
        assertEquals("\"@query-param\";name=\"caf%C3%A9\": caf%C3%A9%20au%20lait\n\"@signature-params\": (\"@query-param\";name=\"caf%C3%A9\");created=1;keyid=\"k\"",
                ((MessageSignature) HttpSignatures.read(request)).signatureBase());
    }

    @Test
    void queryParameterNamesCompareEncodedAsTheRfcsExampleShows() throws Exception {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Signature-Input", List.of("s=(\"@query-param\";name=\"var\" \"@query-param\";name=\"bar\""
                + " \"@query-param\";name=\"fa%C3%A7ade%22%3A%20\");created=1;keyid=\"k\""));
        fields.put("Signature", List.of("s=:AAAA:"));
        IncomingRequest request = Messages.request("GET", "https", "example.com",
                "/parameters?var=this%20is%20a%20big%0Amultiline%20value&bar=with+plus+whitespace&fa%C3%A7ade%22%3A%20=something", fields, null);
        String base = ((MessageSignature) HttpSignatures.read(request)).signatureBase();
        assertEquals("\"@query-param\";name=\"var\": this%20is%20a%20big%0Amultiline%20value\n"
                + "\"@query-param\";name=\"bar\": with%20plus%20whitespace\n"
                + "\"@query-param\";name=\"fa%C3%A7ade%22%3A%20\": something\n", base.substring(0, base.indexOf("\"@signature-params\"")));
    }

    private static IncomingRequest signedGet(String target, List<String> components, String contentDigest) throws SignatureException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Host", List.of("news.example.com"));
        if (contentDigest != null) {
            fields.put("Content-Digest", List.of(contentDigest));
        }
        return signed(Messages.request("GET", "https", "news.example.com", target, fields, null), components, NOW);
    }

    @Test
    void aGetCoveringNoComponentIsRefusedForNotCoveringTheRequest() throws Exception {
        IncomingRequest request = signedGet("/fediverse/world/outbox", List.of(), null);
        assertTrue(request.header().apply("Signature-Input").get(0).startsWith("sig1=();created="), "got " + request.header().apply("Signature-Input"));
        assertNames("does not cover @method", refusal(request, NOW));
    }

    @Test
    void theRequestIsCoveredByTheTargetUriOrByAuthorityPathAndQuery() throws Exception {
        HttpSignatures.read(signedGet("/outbox?page=2", List.of("@method", "@target-uri"), null)).verify(Keys.RSA.getPublic(), NOW);
        HttpSignatures.read(signedGet("/outbox?page=2", List.of("@method", "@authority", "@path", "@query"), null))
                .verify(Keys.RSA.getPublic(), NOW);
        HttpSignatures.read(signedGet("/outbox", List.of("@method", "@authority", "@path"), null)).verify(Keys.RSA.getPublic(), NOW);
        assertNames("does not cover @query", refusal(signedGet("/outbox?page=2", List.of("@method", "@authority", "@path"), null), NOW));
        assertNames("does not cover @authority, @path", refusal(signedGet("/outbox", List.of("@method", "@request-target"), null), NOW));
    }

    @Test
    void aGetCoveringAContentDigestMustCarryTheDigestOfTheEmptyBody() throws Exception {
        List<String> components = List.of("@method", "@target-uri", "content-digest");
        String empty = "sha-256=:" + Base64.getEncoder().encodeToString(Digests.hash("SHA-256", new byte[0])) + ":";
        HttpSignatures.read(signedGet("/outbox", components, empty)).verify(Keys.RSA.getPublic(), NOW);
        String other = "sha-256=:" + Base64.getEncoder().encodeToString(Digests.hash("SHA-256", BODY)) + ":";
        assertNames("Content-Digest SHA-256 does not match the body", refusal(signedGet("/outbox", components, other), NOW));
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsHashed() throws Exception {
        IncomingRequest request = withBody(signed(unsigned(BODY), COVERED, NOW), "{}".getBytes(StandardCharsets.UTF_8));
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(request).verify(Keys.OTHER_RSA.getPublic(), NOW));
        assertNames("does not verify", e.getMessage());
    }

    private static IncomingRequest signedWithEc(KeyPair pair, Object alg) throws SignatureException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", NOW.getEpochSecond());
        params.put("keyid", "ec");
        if (alg != null) {
            params.put("alg", alg);
        }
        IncomingRequest request = unsigned(BODY);
        for (Map.Entry<String, String> f : MessageSignature.sign("sig1", request, COVERED, params, Algorithms.ECDSA_P256_SHA256,
                pair.getPrivate()).entrySet()) {
            request = withField(request, f.getKey(), f.getValue());
        }
        return request;
    }

    private static KeyPair ecKey(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    @Test
    void ecdsaP256VerifiesOnlyWithAKeyOnP256() throws Exception {
        KeyPair p256 = ecKey("secp256r1");
        HttpSignatures.read(signedWithEc(p256, "ecdsa-p256-sha256")).verify(p256.getPublic(), NOW);
        HttpSignatures.read(signedWithEc(p256, null)).verify(p256.getPublic(), NOW);
        KeyPair p384 = ecKey("secp384r1");
        SignatureException named = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(signedWithEc(p384, "ecdsa-p256-sha256")).verify(p384.getPublic(), NOW));
        assertNames("ecdsa-p256-sha256 does not fit the sender's EC key", named.getMessage());
        SignatureException unnamed = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(signedWithEc(p384, null)).verify(p384.getPublic(), NOW));
        assertNames("a curve other than P-256", unnamed.getMessage());
    }
}
