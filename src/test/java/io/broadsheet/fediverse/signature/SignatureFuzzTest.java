package io.broadsheet.fediverse.signature;

import io.broadsheet.testing.SeededCases;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random signature fields, mutated from well-formed ones and from validly signed ones, bounded in size (up to
 * about 9,000 characters, so some cross the 8 KiB limit): reading and verifying each (with an RSA key, and apart
 * with an Ed25519 key) answers or throws {@link SignatureException}, never another exception, and a signature that
 * still verifies after a mutation means what the valid one meant (the same signing string or base);
 * and whatever the RFC 8941 parser accepts, written back and read again, gives the same text.
 * {@code -Dbroadsheet.test.seed=N} draws other cases.
 */
class SignatureFuzzTest {

    private static final Instant NOW = Instant.ofEpochSecond(1618884473L);
    private static final String ALPHABET = "\"=,;:()?*\\ \t-._/+abcKkz09AZ@()\u0000\u001f\u007f\u00e9\u2028\ud800";
    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    private static final List<String> CAVAGE = List.of(
            Messages.vector("cavage-c3-all-headers-signature.txt"),
            "keyId=\"https://a.example/u#k\",algorithm=\"hs2019\",created=1618884473,expires=1618884573.5,"
                    + "headers=\"(request-target) (created) (expires) host digest\",signature=\"AAAA\"");
    private static final List<String[]> RFC = List.of(
            new String[] {"sig1=(\"@method\" \"@authority\" \"@query-param\";name=\"a\" \"content-digest\");created=1618884473;keyid=\"k\";alg=\"ed25519\"",
                "sig1=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:"},
            new String[] {"a=();created=1;keyid=\"x\", b=(\"date\");created=1618884473;keyid=\"y\";expires=9;nonce=\"n\"",
                "a=:AAAA:, b=:AAAA:"});

    private static final String TARGET = "/foo?a=b&c=%zz";
    private static final String CONTENT_DIGEST =
            "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";
    private static final List<Case> VALID = validCases();

    /** One generated case: the fields of a request, and what its signature means when it was validly signed (else null). */
    record Case(Map<String, String> fields, String meaning) {
    }

    /** The same request signed four ways: draft-cavage with RSA and with Ed25519, RFC 9421 with RSA and with Ed25519. */
    private static List<Case> validCases() {
        try {
            Map<String, String> base = new LinkedHashMap<>();
            base.put("Host", "example.com");
            base.put("Content-Type", "application/json");
            base.put("Content-Digest", CONTENT_DIGEST);
            Map<String, String> cavageRsa = new LinkedHashMap<>(base);
            cavageRsa.putAll(CavageSignature.sign("POST", TARGET, "example.com", BODY, "application/json", "https://a.example/u#k",
                    Keys.RSA.getPrivate(), NOW));
            Map<String, String> cavageEd = new LinkedHashMap<>(cavageRsa);
            String params = "keyId=\"https://a.example/u#e\",algorithm=\"hs2019\",created=" + NOW.getEpochSecond()
                    + ",headers=\"(request-target) host (created) digest\"";
            cavageEd.put("Signature", params + ",signature=\"AAAA\"");
            String signingString = ((CavageSignature) HttpSignatures.read(request(cavageEd))).signingString();
            cavageEd.put("Signature", params + ",signature=\"" + Base64.getEncoder()
                    .encodeToString(Algorithms.ED25519.sign(Keys.ED25519.getPrivate(), signingString)) + "\"");
            Map<String, String> rfcRsa = new LinkedHashMap<>(base);
            rfcRsa.putAll(HttpSignatures.signRfc9421(request(base), List.of("@method", "@target-uri", "content-digest"), "k",
                    Keys.RSA.getPrivate(), NOW));
            Map<String, Object> edParams = new LinkedHashMap<>();
            edParams.put("created", NOW.getEpochSecond());
            edParams.put("keyid", "e");
            edParams.put("alg", "ed25519");
            Map<String, String> rfcEd = new LinkedHashMap<>(base);
            rfcEd.putAll(MessageSignature.sign("sig1", request(base), List.of("@method", "@authority", "@path", "@query",
                    "content-digest"), edParams, Algorithms.ED25519, Keys.ED25519.getPrivate()));
            List<Case> cases = new ArrayList<>();
            for (Map<String, String> fields : List.of(cavageRsa, cavageEd, rfcRsa, rfcEd)) {
                cases.add(new Case(fields, meaning(HttpSignatures.read(request(fields)))));
            }
            return List.copyOf(cases);
        } catch (SignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a signature signs: its signing string or base. (A draft-cavage keyId is not signed; the key it names is
     * the one that must verify, so a mutated keyId is caught by fetching another key, not here.)
     */
    private static String meaning(SignedMessage message) throws SignatureException {
        return message instanceof CavageSignature cavage ? cavage.signingString() : ((MessageSignature) message).signatureBase();
    }

    private static String mutate(String text, SplittableRandom random) {
        StringBuilder out = new StringBuilder(text);
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(12)) {
                case 0, 1, 2, 3 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 4, 5, 6 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(8)));
                case 7, 8 -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(40))).repeat(1 + random.nextInt(3)));
                case 9, 10 -> out.setLength(at);
                default -> out.insert(at, String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length()))).repeat(random.nextInt(9000)));
            }
        }
        return out.length() > 9000 ? out.substring(0, 9000) : out.toString();
    }

    private static Case generate(SplittableRandom random) {
        return random.nextBoolean() ? mutatedValid(random) : mutatedWellFormed(random);
    }

    /** A validly signed case, left alone one time in four, else with one or more of its signature fields mutated. */
    private static Case mutatedValid(SplittableRandom random) {
        Case valid = VALID.get(random.nextInt(VALID.size()));
        Map<String, String> fields = new LinkedHashMap<>(valid.fields());
        if (random.nextInt(4) != 0) {
            for (String name : List.of("Signature-Input", "Signature", "Digest", "Content-Digest")) {
                if (fields.containsKey(name) && random.nextInt(3) == 0) {
                    fields.put(name, mutate(fields.get(name), random));
                }
            }
        }
        return new Case(fields, valid.meaning());
    }

    private static Case mutatedWellFormed(SplittableRandom random) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Host", "example.com");
        fields.put("Date", "Tue, 20 Apr 2021 02:07:55 GMT");
        fields.put("Digest", random.nextBoolean() ? "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=" : mutate("SHA-256=X48E9q=,SHA-512=AA==", random));
        fields.put("Content-Digest", mutate(CONTENT_DIGEST, random));
        if (random.nextBoolean()) {
            fields.put("Signature", mutate(CAVAGE.get(random.nextInt(CAVAGE.size())), random));
        } else {
            String[] rfc = RFC.get(random.nextInt(RFC.size()));
            fields.put("Signature-Input", mutate(rfc[0], random));
            fields.put("Signature", random.nextInt(4) == 0 ? mutate(rfc[1], random) : rfc[1]);
        }
        return new Case(fields, null);
    }

    private static IncomingRequest request(Map<String, String> fields) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        fields.forEach((name, value) -> lines.put(name, List.of(value)));
        return Messages.request("POST", "https", "example.com", TARGET, lines, BODY);
    }

    /** True when the message verifies with the key; a refusal must be a SignatureException. */
    private static boolean verifies(SignedMessage message, PublicKey key) {
        try {
            message.verify(key, NOW);
            return true;
        } catch (SignatureException refused) {
            return false;
        }
    }

    @Test
    void mutatedSignaturesAreReadAndVerifiedOrRefusedWithASignatureException() {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger verified = new AtomicInteger();
        SeededCases.check(3000, SignatureFuzzTest::generate, c -> {
            SignedMessage message;
            try {
                message = HttpSignatures.read(request(c.fields()));
            } catch (SignatureException refused) {
                return;
            }
            read.incrementAndGet();
            boolean byRsa = verifies(message, Keys.RSA.getPublic());
            boolean byEd25519 = verifies(message, Keys.ED25519.getPublic());
            if (byRsa || byEd25519) {
                verified.incrementAndGet();
                try {
                    assertEquals(c.meaning(), meaning(message), "a mutated signature that verifies must mean what the valid one meant");
                } catch (SignatureException e) {
                    throw new AssertionError("a verified signature has no signing string: " + e.getMessage(), e);
                }
            }
        });
        assertTrue(read.get() >= 300, "expected at least 300 of 3000 mutated signatures still readable, so that checking them is"
                + " exercised too; read " + read.get());
        assertTrue(verified.get() >= 200, "expected at least 200 of 3000 cases to verify, so that the accepting path is fuzzed"
                + " too; verified " + verified.get());
    }

    @Test
    void whatTheStructuredFieldParserAcceptsIsWrittenBackAndReadAgainTheSame() {
        SeededCases.check(3000, random -> mutate(RFC.get(random.nextInt(RFC.size()))[random.nextInt(2)], random), text -> {
            Map<String, StructuredFields.Member> first;
            try {
                first = StructuredFields.parseDictionary(text, "Fuzz");
            } catch (SignatureException refused) {
                return;
            }
            StringBuilder written = new StringBuilder();
            first.forEach((key, member) -> written.append(written.length() == 0 ? "" : ", ").append(key)
                    .append(Boolean.TRUE.equals(member.value()) ? "" : "=").append(StructuredFieldWriter.serialize(member)
                            .substring(Boolean.TRUE.equals(member.value()) ? 2 : 0)));
            try {
                Map<String, StructuredFields.Member> again = StructuredFields.parseDictionary(written.toString(), "Fuzz");
                assertEquals(first.keySet(), again.keySet(), "keys of " + written);
                first.forEach((key, member) -> assertEquals(StructuredFieldWriter.serialize(member),
                        StructuredFieldWriter.serialize(again.get(key)), "member " + key + " of " + written));
            } catch (SignatureException e) {
                throw new AssertionError("the written form " + written + " was refused: " + e.getMessage(), e);
            }
        });
    }
}
