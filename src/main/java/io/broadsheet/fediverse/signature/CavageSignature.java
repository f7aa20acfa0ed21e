package io.broadsheet.fediverse.signature;

import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A draft-cavage-http-signatures-12 signature as Mastodon sends it ({@code Signature: keyId="...",algorithm="...",
 * headers="...",signature="..."}, or the same after {@code Authorization: Signature }), and its signing string.
 * Algorithms: {@code rsa-sha256}, and {@code hs2019} (or none), which the sender's key decides: RSASSA-PKCS1-v1_5
 * with SHA-256 for an RSA key (as Mastodon and Misskey send it), Ed25519 for an Ed25519 key. Without {@code headers}
 * the draft's default applies: {@code (created)} (section 2.1.6), and {@code date} for {@code rsa-sha256}, which
 * may not use {@code (created)} (section 2.3; appendix C.1). {@code host} is the Host field, or the request's
 * authority when the field is absent (HTTP/2 carries it as {@code :authority}).
 * Spec: https://datatracker.ietf.org/doc/html/draft-cavage-http-signatures-12
 */
final class CavageSignature implements SignedMessage {

    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String keyId;
    private final String algorithm;
    private final List<String> headers;
    private final byte[] signature;
    private final String created;
    private final String expires;
    private final IncomingRequest request;

    private CavageSignature(Map<String, String> params, IncomingRequest request) throws SignatureException {
        this.request = request;
        this.keyId = required(params, "keyId");
        this.algorithm = params.getOrDefault("algorithm", "hs2019").toLowerCase(Locale.ROOT);
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
            throw new SignatureException("the signature's algorithm \"" + Digests.shorten(algorithm) + "\" is unknown (rsa-sha256 or hs2019)");
        }
        this.created = timestamp(params, "created");
        this.expires = timestamp(params, "expires");
        this.headers = headerList(params.get("headers"));
        try {
            this.signature = Base64.getDecoder().decode(required(params, "signature"));
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the signature's signature parameter is not base64");
        }
    }

    /** Reads a {@code Signature} field's value (without the {@code Signature } scheme of Authorization). */
    static CavageSignature read(String field, IncomingRequest request) throws SignatureException {
        return new CavageSignature(CavageParameters.parse(field), request);
    }

    @Override
    public String keyId() {
        return keyId;
    }

    List<String> headers() {
        return headers;
    }

    /**
     * Checks what is cheap first (the body's digest is covered, the request is covered, freshness), then the
     * signature, and only then hashes the body for its Digest: a stranger's body costs nothing unsigned.
     */
    @Override
    public void verify(PublicKey key, Instant now) throws SignatureException {
        boolean digestCovered = headers.contains("digest");
        if (request.hasBody() && !digestCovered) {
            throw new SignatureException("the request has a body but its signature does not cover digest");
        }
        for (String name : List.of("(request-target)", "host")) {
            if (!headers.contains(name)) {
                throw new SignatureException("the signature does not cover " + name
                        + ": expected (request-target) and host among its headers, as Mastodon signs them");
            }
        }
        checkFreshness(now);
        checkSignature(key);
        if (digestCovered) {
            checkDigest();
        }
    }

    /** Checks the signature alone, whatever the time and the body: for the published test vectors. */
    void checkSignature(PublicKey key) throws SignatureException {
        Algorithms engine = engineFor(key);
        if (!engine.verifies(key, signingString(), signature)) {
            throw new SignatureException("the signature of key " + keyId + " does not verify over (" + String.join(" ", headers) + ")");
        }
    }

    private Algorithms engineFor(PublicKey key) throws SignatureException {
        if (Algorithms.isEd25519(key) && algorithm.equals("hs2019")) {
            return Algorithms.ED25519;
        }
        if (Algorithms.RSA_V1_5_SHA256.fits(key)) {
            return Algorithms.RSA_V1_5_SHA256;
        }
        throw new SignatureException("the algorithm " + algorithm + " does not fit the sender's " + key.getAlgorithm() + " key");
    }

    private void checkFreshness(Instant now) throws SignatureException {
        if (headers.contains("(created)")) {
            Limits.checkFresh("the signature's created", instant(pseudo(created, "(created)")), now);
        } else if (headers.contains("date")) {
            Limits.checkFresh("the Date", date(), now);
        } else {
            throw new SignatureException("the signature covers neither date nor (created): expected one of them among its headers");
        }
        if (expires != null) {
            Limits.checkNotExpired(instant(expires), now);
        }
    }

    private Instant date() throws SignatureException {
        String date = Limits.joined(request, "date");
        if (date == null) {
            throw new SignatureException("the signed Date field is missing");
        }
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date));
        } catch (DateTimeParseException e) {
            throw new SignatureException("the Date field \"" + Digests.shorten(date) + "\" is not an HTTP date");
        }
    }

    /** Checks a covered Digest against the body, an empty one when the request has none. */
    private void checkDigest() throws SignatureException {
        String digest = Limits.joined(request, "digest");
        if (digest == null) {
            throw new SignatureException("the signature covers digest but the request has no Digest field");
        }
        Digests.checkDigest(digest, request.body());
    }

    /** The signing string of section 2.3: one "name: value" line per covered header, in order, joined by newlines. */
    String signingString() throws SignatureException {
        List<String> lines = new ArrayList<>();
        for (String name : headers) {
            lines.add(name + ": " + value(name));
        }
        return String.join("\n", lines);
    }

    private String value(String name) throws SignatureException {
        switch (name) {
            case "(request-target)":
                return request.method().toLowerCase(Locale.ROOT) + " " + request.pathAndQuery();
            case "(created)":
                return pseudo(created, name);
            case "(expires)":
                return pseudo(expires, name);
            default:
                String value = Limits.joined(request, name);
                if (value == null && name.equals("host") && request.authority() != null) {
                    return request.authority();
                }
                if (value == null) {
                    throw new SignatureException("the signature covers " + name + " but the request has no such field");
                }
                return value;
        }
    }

    private String pseudo(String value, String name) throws SignatureException {
        if (algorithm.equals("rsa-sha256")) {
            throw new SignatureException("the signature covers " + name + ", which rsa-sha256 may not use (draft-cavage-12 section 2.3)");
        }
        if (value == null) {
            throw new SignatureException("the signature covers " + name + " but has no " + name.substring(1, name.length() - 1) + " parameter");
        }
        return value;
    }

    private List<String> headerList(String value) throws SignatureException {
        if (value == null) {
            return List.of(algorithm.equals("rsa-sha256") ? "date" : "(created)");
        }
        List<String> names = new ArrayList<>();
        for (String name : value.toLowerCase(Locale.ROOT).split(" ", Limits.MAX_COMPONENTS + 1)) {
            if (name.isEmpty()) {
                throw new SignatureException("the signature's headers parameter has an empty name: \"" + Digests.shorten(value) + "\"");
            }
            if (names.contains(name)) {
                throw new SignatureException("the signature's headers parameter names " + name + " twice");
            }
            names.add(name);
        }
        if (names.size() > Limits.MAX_COMPONENTS) {
            throw new SignatureException("the signature covers more than " + Limits.MAX_COMPONENTS + " headers");
        }
        return List.copyOf(names);
    }

    private static String required(Map<String, String> params, String name) throws SignatureException {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new SignatureException("the Signature field has no " + name + " parameter");
        }
        return value;
    }

    /** The parameter's text as written, once checked to be a Unix time (digits, then maybe '.' and digits). */
    private static String timestamp(Map<String, String> params, String name) throws SignatureException {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        int dot = value.indexOf('.');
        String seconds = dot < 0 ? value : value.substring(0, dot);
        if (seconds.isEmpty() || seconds.length() > 12 || !seconds.chars().allMatch(c -> c >= '0' && c <= '9')
                || dot >= 0 && !value.substring(dot + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SignatureException("the signature's " + name + " parameter is not a Unix time: \"" + Digests.shorten(value) + "\"");
        }
        return value;
    }

    /** The instant of a checked Unix time, its fraction kept to the nanosecond. */
    private static Instant instant(String unixTime) {
        int dot = unixTime.indexOf('.');
        if (dot < 0) {
            return Instant.ofEpochSecond(Long.parseLong(unixTime));
        }
        String nanos = (unixTime.substring(dot + 1) + "000000000").substring(0, 9);
        return Instant.ofEpochSecond(Long.parseLong(unixTime.substring(0, dot)), Long.parseLong(nanos));
    }

    /** The fields Mastodon's way of signing adds to an outgoing request (see {@link HttpSignatures#sign}). */
    static Map<String, String> sign(String method, String pathAndQuery, String host, byte[] body, String contentType,
                                    String keyId, java.security.PrivateKey key, Instant now) {
        String date = IMF_FIXDATE.format(now);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Date", date);
        StringBuilder names = new StringBuilder("(request-target) host date");
        StringBuilder base = new StringBuilder("(request-target): " + method.toLowerCase(Locale.ROOT) + " " + pathAndQuery
                + "\nhost: " + host + "\ndate: " + date);
        if (body != null) {
            String digest = Digests.digestField(body);
            fields.put("Digest", digest);
            names.append(" digest content-type");
            base.append("\ndigest: ").append(digest).append("\ncontent-type: ").append(contentType);
        }
        byte[] signature = Algorithms.RSA_V1_5_SHA256.sign(key, base.toString());
        fields.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + names + "\",signature=\""
                + Base64.getEncoder().encodeToString(signature) + "\"");
        return fields;
    }
}
