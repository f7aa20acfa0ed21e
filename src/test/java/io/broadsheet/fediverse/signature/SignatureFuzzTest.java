package io.broadsheet.fediverse.signature;

import io.broadsheet.testing.SeededCases;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded random signature fields, mutated from valid ones and bounded in size (up to about 9,000 characters, so some
 * cross the 8 KiB limit): reading and verifying each answers or throws {@link SignatureException}, never another
 * exception; and whatever the RFC 8941 parser accepts, written back and read again, gives the same text.
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

    /** One generated case: the fields of a request. */
    record Case(Map<String, String> fields) {
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
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Host", "example.com");
        fields.put("Date", "Tue, 20 Apr 2021 02:07:55 GMT");
        fields.put("Digest", random.nextBoolean() ? "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=" : mutate("SHA-256=X48E9q=,SHA-512=AA==", random));
        fields.put("Content-Digest", mutate("sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:", random));
        if (random.nextBoolean()) {
            fields.put("Signature", mutate(CAVAGE.get(random.nextInt(CAVAGE.size())), random));
        } else {
            String[] rfc = RFC.get(random.nextInt(RFC.size()));
            fields.put("Signature-Input", mutate(rfc[0], random));
            fields.put("Signature", random.nextInt(4) == 0 ? mutate(rfc[1], random) : rfc[1]);
        }
        return new Case(fields);
    }

    private static IncomingRequest request(Case c) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        c.fields().forEach((name, value) -> fields.put(name, List.of(value)));
        return Messages.request("POST", "https", "example.com", "/foo?a=b&c=%zz", fields, BODY);
    }

    @Test
    void mutatedSignaturesAreReadAndVerifiedOrRefusedWithASignatureException() {
        AtomicInteger read = new AtomicInteger();
        SeededCases.check(3000, SignatureFuzzTest::generate, c -> {
            try {
                SignedMessage message = HttpSignatures.read(request(c));
                read.incrementAndGet();
                message.verify(Keys.RSA.getPublic(), NOW);
                message.verify(Keys.ED25519.getPublic(), NOW);
            } catch (SignatureException expected) {
                // a refusal with its reason is the answer wanted
            }
        });
        assertTrue(read.get() >= 300, "expected at least 300 of 3000 mutated signatures still readable, so that checking them is"
                + " exercised too; read " + read.get());
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
