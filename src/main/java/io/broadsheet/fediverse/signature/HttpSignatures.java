package io.broadsheet.fediverse.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Signs outgoing requests as Mastodon does (draft-cavage-12, rsa-sha256). */
public final class HttpSignatures {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpSignatures() {
    }

    /** The fields to add to an outgoing request: Date, Digest (when there is a body) and Signature. */
    public static Map<String, String> sign(String method, URI uri, byte[] body, String contentType,
                                           String keyId, PrivateKey key, Instant now) {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            String date = DATE.format(now);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder signing = new StringBuilder("(request-target): " + method.toLowerCase(Locale.ROOT) + " "
                    + path + "\nhost: " + uri.getRawAuthority() + "\ndate: " + date);
            String headers = "(request-target) host date";
            fields.put("Date", date);
            if (body != null) {
                String digest = "SHA-256=" + Base64.getEncoder().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(body));
                fields.put("Digest", digest);
                signing.append("\ndigest: ").append(digest).append("\ncontent-type: ").append(contentType);
                headers += " digest content-type";
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signing.toString().getBytes(StandardCharsets.UTF_8));
            fields.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + headers
                    + "\",signature=\"" + Base64.getEncoder().encodeToString(rsa.sign()) + "\"");
            return fields;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign: " + e.getMessage(), e);
        }
    }
}
