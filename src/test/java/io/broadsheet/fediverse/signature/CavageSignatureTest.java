package io.broadsheet.fediverse.signature;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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

/** draft-cavage-12 signatures as Mastodon sends them: what verifies, and each way one is refused, by name. */
class CavageSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-07T11:24:35Z");
    private static final URI INBOX = URI.create("https://news.example.com/fediverse/world/inbox");
    private static final byte[] BODY = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
    private static final String KEY_ID = "https://social.example/users/ana#main-key";

    /** The request an HTTP client sends with the fields sign() gave, as the inbox receives it. */
    private static IncomingRequest received(URI uri, byte[] body, Instant signedAt) {
        Map<String, String> signed = HttpSignatures.sign("POST", uri, body, "application/activity+json", KEY_ID,
                Keys.RSA.getPrivate(), signedAt);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Host", List.of(HttpSignatures.host(uri)));
        fields.put("Content-Type", List.of("application/activity+json"));
        signed.forEach((name, value) -> fields.put(name, List.of(value)));
        return Messages.request("POST", uri.getScheme(), HttpSignatures.host(uri), HttpSignatures.requestTarget(uri), fields, body);
    }

    private static String refusal(IncomingRequest request, Instant now) {
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(request).verify(Keys.RSA.getPublic(), now));
        return e.getMessage();
    }

    private static void assertNames(String expected, String message) {
        assertTrue(message.contains(expected), "expected a message naming \"" + expected + "\", got: " + message);
    }

    /** A Signature field of our own making over {@code base}, for the cases sign() never produces. */
    private static String signatureField(String params, String base, java.security.PrivateKey key, Algorithms algorithm) {
        return params + ",signature=\"" + Base64.getEncoder().encodeToString(algorithm.sign(key, base)) + "\"";
    }

    @Test
    void aRequestSignedAsMastodonSignsVerifiesWithItsBody() throws Exception {
        SignedMessage signature = HttpSignatures.read(received(INBOX, BODY, NOW));
        assertEquals(KEY_ID, signature.keyId());
        signature.verify(Keys.RSA.getPublic(), NOW);
    }

    @Test
    void signCoversTheDigestAndContentTypeOfABody() {
        Map<String, String> fields = HttpSignatures.sign("POST", INBOX, BODY, "application/activity+json", KEY_ID, Keys.RSA.getPrivate(), NOW);
        assertEquals(List.of("Date", "Digest", "Signature"), List.copyOf(fields.keySet()));
        assertEquals("Mon, 07 Dec 2026 11:24:35 GMT", fields.get("Date"));
        assertEquals("SHA-256=" + Base64.getEncoder().encodeToString(Digests.hash("SHA-256", BODY)), fields.get("Digest"));
        assertTrue(fields.get("Signature").startsWith("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest content-type\",signature=\""), "got " + fields.get("Signature"));
    }

    @Test
    void theHostSignedIsTheAuthorityWithoutTheDefaultPort() {
        assertEquals("news.example.com", HttpSignatures.host(URI.create("https://news.example.com:443/inbox")));
        assertEquals("news.example.com:8443", HttpSignatures.host(URI.create("https://news.example.com:8443/inbox")));
        assertEquals("127.0.0.1:8080", HttpSignatures.host(URI.create("http://127.0.0.1:8080/inbox")));
        assertEquals("/", HttpSignatures.requestTarget(URI.create("https://news.example.com")));
    }

    @Test
    void aChangedBodyIsRefusedForItsDigest() {
        IncomingRequest request = withBody(received(INBOX, BODY, NOW), "{\"type\":\"Undo\"}".getBytes(StandardCharsets.UTF_8));
        assertNames("Digest SHA-256 does not match the body", refusal(request, NOW));
    }

    @Test
    void aChangedSignedHeaderIsRefusedAsNotVerifying() {
        IncomingRequest request = withField(received(INBOX, BODY, NOW), "Host", "evil.example");
        assertNames("does not verify", refusal(request, NOW));
    }

    @Test
    void anotherKeyDoesNotVerify() {
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(received(INBOX, BODY, NOW)).verify(Keys.OTHER_RSA.getPublic(), NOW));
        assertNames("does not verify", e.getMessage());
    }

    @Test
    void aDateOverTwelveHoursOldIsRefusedAsStale() {
        IncomingRequest request = received(INBOX, BODY, NOW.minus(Duration.ofHours(12)).minusSeconds(1));
        assertNames("more than 12 hours before now", refusal(request, NOW));
    }

    @Test
    void aDateTwelveHoursOldStillVerifies() throws Exception {
        HttpSignatures.read(received(INBOX, BODY, NOW.minus(Duration.ofHours(12)))).verify(Keys.RSA.getPublic(), NOW);
    }

    @Test
    void aDateOverAnHourAheadIsRefused() {
        IncomingRequest request = received(INBOX, BODY, NOW.plus(Duration.ofHours(1)).plusSeconds(1));
        assertNames("more than 1 hour after now", refusal(request, NOW));
    }

    @Test
    void aBodyWithoutASignedDigestIsRefused() {
        IncomingRequest request = withBody(received(INBOX, null, NOW), BODY);
        assertNames("has a body but its signature does not cover digest", refusal(request, NOW));
    }

    @Test
    void aDigestFieldThatIsNotAmongTheSignedHeadersIsRefused() {
        IncomingRequest request = withBody(withField(received(INBOX, null, NOW), "Digest", Digests.digestField(BODY)), BODY);
        assertNames("does not cover digest", refusal(request, NOW));
    }

    @Test
    void anUnknownAlgorithmIsRefusedByName() {
        String field = "keyId=\"k\",algorithm=\"hmac-sha256\",headers=\"(request-target) host date\",signature=\"AAAA\"";
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(withField(received(INBOX, null, NOW), "Signature", field)));
        assertNames("algorithm \"hmac-sha256\" is unknown", e.getMessage());
    }

    @Test
    void aHeaderListedButAbsentIsRefused() {
        IncomingRequest request = received(INBOX, null, NOW);
        String base = "(request-target): post /fediverse/world/inbox\nhost: news.example.com\nx-missing: ";
        String field = signatureField("keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date x-missing\"", base,
                Keys.RSA.getPrivate(), Algorithms.RSA_V1_5_SHA256);
        assertNames("covers x-missing but the request has no such field", refusal(withField(request, "Signature", field), NOW));
    }

    @Test
    void repeatedFieldLinesAreJoinedWithACommaAndASpace() throws Exception {
        IncomingRequest request = withField(received(INBOX, null, NOW), "Accept", "application/activity+json", " text/html ");
        IncomingRequest signed = withField(request, "Signature", "keyId=\"k\",headers=\"accept\",signature=\"AAAA\"");
        assertEquals("accept: application/activity+json, text/html", ((CavageSignature) HttpSignatures.read(signed)).signingString());
    }

    @Test
    void withoutHeadersRsaSha256SignsTheDateAndHs2019TheCreatedTime() throws Exception {
        IncomingRequest request = received(INBOX, null, NOW);
        CavageSignature rsa = (CavageSignature) HttpSignatures.read(withField(request, "Signature",
                "keyId=\"k\",algorithm=\"rsa-sha256\",signature=\"AAAA\""));
        assertEquals(List.of("date"), rsa.headers());
        CavageSignature hs2019 = (CavageSignature) HttpSignatures.read(withField(request, "Signature",
                "keyId=\"k\",algorithm=\"hs2019\",created=1796642675,signature=\"AAAA\""));
        assertEquals("(created): 1796642675", hs2019.signingString());
    }

    @Test
    void rsaSha256MayNotCoverTheCreatedTime() throws Exception {
        IncomingRequest request = withField(received(INBOX, null, NOW), "Signature",
                "keyId=\"k\",algorithm=\"rsa-sha256\",created=1796642675,headers=\"(request-target) host (created)\",signature=\"AAAA\"");
        assertNames("(created), which rsa-sha256 may not use", refusal(request, NOW));
    }

    @Test
    void hs2019WithAnRsaKeyVerifiesAsPkcs1AndHonoursCreatedAndExpires() throws Exception {
        long created = NOW.getEpochSecond() - 60;
        String base = "(request-target): post /fediverse/world/inbox\nhost: news.example.com\n(created): " + created
                + "\n(expires): " + (created + 300);
        String field = signatureField("keyId=\"k\",algorithm=\"hs2019\",created=" + created + ",expires=" + (created + 300)
                + ",headers=\"(request-target) host (created) (expires)\"", base, Keys.RSA.getPrivate(), Algorithms.RSA_V1_5_SHA256);
        IncomingRequest request = withField(received(INBOX, null, NOW), "Signature", field);
        HttpSignatures.read(request).verify(Keys.RSA.getPublic(), NOW);
        assertNames("expired", refusal(request, NOW.plusSeconds(600)));
    }

    @Test
    void hs2019WithAnEd25519KeyVerifiesAsEd25519() throws Exception {
        String base = "(request-target): post /fediverse/world/inbox\nhost: news.example.com\ndate: Mon, 07 Dec 2026 11:24:35 GMT";
        String field = signatureField("keyId=\"k\",algorithm=\"hs2019\",headers=\"(request-target) host date\"", base,
                Keys.ED25519.getPrivate(), Algorithms.ED25519);
        IncomingRequest request = withField(received(INBOX, null, NOW), "Signature", field);
        HttpSignatures.read(request).verify(Keys.ED25519.getPublic(), NOW);
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(request).verify(Keys.RSA.getPublic(), NOW));
        assertNames("does not verify", e.getMessage());
    }

    @Test
    void anUnsignedRequestIsRefused() {
        IncomingRequest request = withField(received(INBOX, null, NOW), "Signature");
        SignatureException e = assertThrows(SignatureException.class, () -> HttpSignatures.read(request));
        assertNames("not signed", e.getMessage());
    }

    @Test
    void aFieldOverEightKibibytesIsRefused() {
        String big = "keyId=\"" + "k".repeat(8 * 1024) + "\",signature=\"AAAA\"";
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(withField(received(INBOX, null, NOW), "Signature", big)));
        assertNames("longer than 8192 characters", e.getMessage());
    }

    @Test
    void moreThanTwentyHeadersAreRefused() {
        StringBuilder names = new StringBuilder("date");
        for (int i = 0; i < 20; i++) {
            names.append(" x-").append(i);
        }
        String field = "keyId=\"k\",headers=\"" + names + "\",signature=\"AAAA\"";
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(withField(received(INBOX, null, NOW), "Signature", field)));
        assertNames("more than 20 headers", e.getMessage());
    }

    @Test
    void malformedSignatureFieldsAreRefusedByWhatIsWrong() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "is empty");
        cases.put("keyId=\"k\",signature=\"AAAA", "without its closing quote");
        cases.put("keyId=\"k\" signature=\"AAAA\"", "where ',' belongs");
        cases.put("keyId=\"k\",keyId=\"j\",signature=\"AAAA\"", "repeats the parameter keyId");
        cases.put("keyId=\"k\",signature=\"not base64!\"", "not base64");
        cases.put("signature=\"AAAA\"", "no keyId parameter");
        cases.put("keyId=\"k\",created=soon,signature=\"AAAA\"", "where a quoted value or a number belongs");
        cases.put("keyId=\"k\",headers=\"date  host\",signature=\"AAAA\"", "empty name");
        cases.put("keyId=\"k\",headers=\"date date\",signature=\"AAAA\"", "names date twice");
        IncomingRequest request = received(INBOX, null, NOW);
        cases.forEach((field, expected) -> {
            SignatureException e = assertThrows(SignatureException.class,
                    () -> HttpSignatures.read(withField(request, "Signature", field)), "expected [" + field + "] refused");
            assertNames(expected, e.getMessage());
        });
    }

    @Test
    void aSha512DigestIsCheckedAndAnAbsentAlgorithmMeansHs2019() throws Exception {
        String digest = "SHA-512=" + Base64.getEncoder().encodeToString(Digests.hash("SHA-512", BODY));
        String base = "(request-target): post /fediverse/world/inbox\nhost: news.example.com\ndate: Mon, 07 Dec 2026 11:24:35 GMT\n"
                + "digest: " + digest;
        String field = signatureField("keyId=\"k\",headers=\"(request-target) host date digest\"", base, Keys.RSA.getPrivate(),
                Algorithms.RSA_V1_5_SHA256);
        IncomingRequest request = withField(withField(received(INBOX, BODY, NOW), "Digest", digest), "Signature", field);
        HttpSignatures.read(request).verify(Keys.RSA.getPublic(), NOW);
        assertNames("Digest SHA-512 does not match the body", refusal(withBody(request, "{}".getBytes(StandardCharsets.UTF_8)), NOW));
    }

    /** A GET of the outbox with Host and Date, signed over {@code base} with the fields given, as a sender might. */
    private static IncomingRequest signedGet(String params, String base, String... moreFields) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Host", List.of("news.example.com"));
        fields.put("Date", List.of("Mon, 07 Dec 2026 11:24:35 GMT"));
        for (int i = 0; i < moreFields.length; i += 2) {
            fields.put(moreFields[i], List.of(moreFields[i + 1]));
        }
        fields.put("Signature", List.of(signatureField(params, base, Keys.RSA.getPrivate(), Algorithms.RSA_V1_5_SHA256)));
        return Messages.request("GET", "https", "news.example.com", "/fediverse/world/outbox", fields, null);
    }

    @Test
    void aGetSigningOnlyItsDigestAndDateIsRefusedForNotCoveringTheRequest() {
        String digest = Digests.digestField(new byte[0]);
        IncomingRequest request = signedGet("keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"digest date\"",
                "digest: " + digest + "\ndate: Mon, 07 Dec 2026 11:24:35 GMT", "Digest", digest);
        assertNames("does not cover (request-target)", refusal(request, NOW));
    }

    @Test
    void aSignatureWithoutHostIsRefused() {
        IncomingRequest request = signedGet("keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"(request-target) date\"",
                "(request-target): get /fediverse/world/outbox\ndate: Mon, 07 Dec 2026 11:24:35 GMT");
        assertNames("does not cover host", refusal(request, NOW));
    }

    @Test
    void aGetSigningADigestMustCarryTheDigestOfTheEmptyBody() throws Exception {
        String params = "keyId=\"k\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date digest\"";
        String base = "(request-target): get /fediverse/world/outbox\nhost: news.example.com\ndate: Mon, 07 Dec 2026 11:24:35 GMT\ndigest: ";
        String empty = Digests.digestField(new byte[0]);
        HttpSignatures.read(signedGet(params, base + empty, "Digest", empty)).verify(Keys.RSA.getPublic(), NOW);
        String other = Digests.digestField(BODY);
        assertNames("Digest SHA-256 does not match the body", refusal(signedGet(params, base + other, "Digest", other), NOW));
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsHashed() {
        IncomingRequest request = withBody(received(INBOX, BODY, NOW), "{\"type\":\"Undo\"}".getBytes(StandardCharsets.UTF_8));
        SignatureException e = assertThrows(SignatureException.class,
                () -> HttpSignatures.read(request).verify(Keys.OTHER_RSA.getPublic(), NOW));
        assertNames("does not verify", e.getMessage());
    }

    @Test
    void createdAndExpiresAreSignedAsWrittenWithTheirFraction() throws Exception {
        String created = (NOW.getEpochSecond() - 60) + ".250";
        String expires = (NOW.getEpochSecond() + 240) + ".5";
        String base = "(request-target): post /fediverse/world/inbox\nhost: news.example.com\n(created): " + created
                + "\n(expires): " + expires;
        String field = signatureField("keyId=\"k\",algorithm=\"hs2019\",created=" + created + ",expires=" + expires
                + ",headers=\"(request-target) host (created) (expires)\"", base, Keys.RSA.getPrivate(), Algorithms.RSA_V1_5_SHA256);
        IncomingRequest request = withField(received(INBOX, null, NOW), "Signature", field);
        assertEquals(base, ((CavageSignature) HttpSignatures.read(request)).signingString());
        HttpSignatures.read(request).verify(Keys.RSA.getPublic(), NOW.plusSeconds(240));
        assertNames("expired", refusal(request, NOW.plusSeconds(241)));
    }

    @Test
    void aFieldKeepsWhitespaceOtherThanOuterSpacesAndTabs() throws Exception {
        IncomingRequest request = withField(received(INBOX, null, NOW), "X-Test", " \t\u000bvalue\u2003 \t");
        IncomingRequest signed = withField(request, "Signature", "keyId=\"k\",headers=\"x-test\",signature=\"AAAA\"");
        assertEquals("x-test: \u000bvalue\u2003", ((CavageSignature) HttpSignatures.read(signed)).signingString());
    }
}
