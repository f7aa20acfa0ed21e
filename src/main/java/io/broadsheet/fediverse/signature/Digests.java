package io.broadsheet.fediverse.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A body's digest as a field gives it: draft-cavage's {@code Digest: SHA-256=<base64>} (RFC 3230) and RFC 9530's
 * {@code Content-Digest: sha-256=:<base64>:}. SHA-256 and SHA-512 are checked; other algorithms are ignored, and at
 * least one of the two must be present. Every present one must match. A field of more than 20 parts, or naming an
 * algorithm twice, is refused, so that the body is hashed at most once per algorithm.
 */
final class Digests {

    private Digests() {
    }

    /** The Digest field an outgoing request with this body carries: {@code SHA-256=<base64>}. */
    static String digestField(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(hash("SHA-256", body));
    }

    /** Checks a draft-cavage {@code Digest} value ({@code SHA-256=...,SHA-512=...}) against the body. */
    static void checkDigest(String field, byte[] body) throws SignatureException {
        if (field.chars().filter(c -> c == ',').count() >= Limits.MAX_COMPONENTS) {
            throw new SignatureException("the Digest field has more than " + Limits.MAX_COMPONENTS + " parts");
        }
        Set<String> seen = new HashSet<>();
        boolean checked = false;
        for (String part : field.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new SignatureException("the Digest field is malformed: expected algorithm=base64, found \"" + shorten(part) + "\"");
            }
            String name = Limits.trimmed(part.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw new SignatureException("the Digest field names " + shorten(name) + " twice");
            }
            String algorithm = jdkName(name);
            if (algorithm != null) {
                check("Digest", algorithm, decode("Digest", Limits.trimmed(part.substring(eq + 1))), body);
                checked = true;
            }
        }
        if (!checked) {
            throw new SignatureException("the Digest field has neither SHA-256 nor SHA-512");
        }
    }

    /** Checks an RFC 9530 {@code Content-Digest} dictionary against the body (the parser refuses a repeated key). */
    static void checkContentDigest(String field, byte[] body) throws SignatureException {
        Map<String, StructuredFields.Member> members = StructuredFields.parseDictionary(field, "Content-Digest");
        if (members.size() > Limits.MAX_COMPONENTS) {
            throw new SignatureException("the Content-Digest field has more than " + Limits.MAX_COMPONENTS + " parts");
        }
        boolean checked = false;
        for (Map.Entry<String, StructuredFields.Member> member : members.entrySet()) {
            String algorithm = jdkName(member.getKey());
            if (algorithm != null) {
                if (!(member.getValue().value() instanceof byte[] expected)) {
                    throw new SignatureException("the Content-Digest " + member.getKey() + " is not a byte sequence");
                }
                check("Content-Digest", algorithm, expected, body);
                checked = true;
            }
        }
        if (!checked) {
            throw new SignatureException("the Content-Digest field has neither sha-256 nor sha-512");
        }
    }

    private static void check(String field, String algorithm, byte[] expected, byte[] body) throws SignatureException {
        if (!MessageDigest.isEqual(expected, hash(algorithm, body))) {
            throw new SignatureException("the " + field + " " + algorithm + " does not match the body");
        }
    }

    private static String jdkName(String lowerCaseName) {
        return switch (lowerCaseName) {
            case "sha-256" -> "SHA-256";
            case "sha-512" -> "SHA-512";
            default -> null;
        };
    }

    private static byte[] decode(String field, String base64) throws SignatureException {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the " + field + " value is not base64: \"" + shorten(base64) + "\"");
        }
    }

    static byte[] hash(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has " + algorithm, e);
        }
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
