package io.broadsheet.fediverse.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs outgoing requests as Mastodon does (draft-cavage-12, rsa-sha256) and reads incoming signatures. */
public final class HttpSignatures {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern PARAMETER = Pattern.compile("\\s*([A-Za-z]+)=\"([^\"]*)\"\\s*(,|$)");

    private HttpSignatures() {
    }

    /** The fields to add to an outgoing request: Date, Digest (with a body) and Signature. */
    public static Map<String, String> sign(String method, URI uri, byte[] body, String contentType,
                                           String keyId, PrivateKey key, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        String date = IMF_FIXDATE.format(now);
        StringBuilder base = new StringBuilder("(request-target): " + method.toLowerCase(Locale.ROOT) + " "
                + target(uri) + "\nhost: " + host(uri) + "\ndate: " + date);
        String headers = "(request-target) host date";
        fields.put("Date", date);
        if (body != null) {
            String digest = "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
            fields.put("Digest", digest);
            base.append("\ndigest: ").append(digest).append("\ncontent-type: ").append(contentType);
            headers += " digest content-type";
        }
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(base.toString().getBytes(StandardCharsets.UTF_8));
            fields.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + headers
                    + "\",signature=\"" + Base64.getEncoder().encodeToString(signer.sign()) + "\"");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key: " + e.getMessage(), e);
        }
        return fields;
    }

    /** Reads a draft-cavage signature ({@code Signature}, or {@code Authorization: Signature ...}). */
    public static SignedMessage read(IncomingRequest request) throws SignatureException {
        String value = first(request, "Signature");
        if (value == null) {
            String authorization = first(request, "Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Signature ", 0, 10)) {
                value = authorization.substring(10);
            }
        }
        if (value == null) {
            throw new SignatureException("the request carries no Signature field");
        }
        Map<String, String> parameters = parameters(value);
        String keyId = parameters.get("keyId");
        String signature = parameters.get("signature");
        if (keyId == null || signature == null) {
            throw new SignatureException("the Signature field needs keyId and signature");
        }
        List<String> headers = List.of(parameters.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).split(" +"));
        return new Cavage(request, keyId, signature, headers);
    }

    private static Map<String, String> parameters(String value) throws SignatureException {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(value);
        int at = 0;
        while (at < value.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new SignatureException("the Signature field is malformed at character " + at);
            }
            parameters.put(m.group(1), m.group(2));
            at = m.end();
        }
        return parameters;
    }

    private static String first(IncomingRequest request, String name) {
        List<String> values = request.header().apply(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String host(URI uri) {
        int port = uri.getPort();
        boolean standard = port == -1 || "https".equalsIgnoreCase(uri.getScheme()) && port == 443
                || "http".equalsIgnoreCase(uri.getScheme()) && port == 80;
        return standard ? uri.getHost() : uri.getHost() + ":" + port;
    }

    static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A draft-cavage signature over the fields it names. */
    private record Cavage(IncomingRequest request, String keyId, String signature, List<String> headers)
            implements SignedMessage {

        @Override
        public void verify(PublicKey key, Instant now) throws SignatureException {
            StringBuilder base = new StringBuilder();
            for (String name : headers) {
                base.append(base.length() == 0 ? "" : "\n").append(name).append(": ").append(value(name));
            }
            checkDigest();
            checkDate(now);
            try {
                Signature verifier = Signature.getInstance("RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "Ed25519");
                verifier.initVerify(key);
                verifier.update(base.toString().getBytes(StandardCharsets.UTF_8));
                if (!verifier.verify(Base64.getDecoder().decode(signature))) {
                    throw new SignatureException("the signature does not verify with the key of " + keyId);
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new SignatureException("the signature does not verify with the key of " + keyId + ": " + e.getMessage());
            }
        }

        private String value(String name) throws SignatureException {
            if ("(request-target)".equals(name)) {
                return request.method().toLowerCase(Locale.ROOT) + " " + request.pathAndQuery();
            }
            if ("host".equals(name) && request.header().apply("host").isEmpty()) {
                return request.authority();
            }
            List<String> values = request.header().apply(name);
            if (values.isEmpty()) {
                throw new SignatureException("the signed field " + name + " is missing");
            }
            return String.join(", ", values);
        }

        private void checkDigest() throws SignatureException {
            if (request.body() == null || request.body().length == 0) {
                return;
            }
            if (!headers.contains("digest")) {
                throw new SignatureException("a request with a body must sign its Digest");
            }
            String digest = value("digest");
            String expected = Base64.getEncoder().encodeToString(sha256(request.body()));
            if (!digest.regionMatches(true, 0, "SHA-256=", 0, 8) || !digest.substring(8).equals(expected)) {
                throw new SignatureException("the Digest does not match the body");
            }
        }

        private void checkDate(Instant now) throws SignatureException {
            if (!headers.contains("date")) {
                throw new SignatureException("the signature must cover the Date");
            }
            Instant date;
            try {
                date = ZonedDateTime.parse(value("date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new SignatureException("the Date is not an HTTP date");
            }
            if (date.isBefore(now.minus(Duration.ofHours(12))) || date.isAfter(now.plus(Duration.ofHours(1)))) {
                throw new SignatureException("the Date " + value("date") + " is too far from now");
            }
        }
    }
}
