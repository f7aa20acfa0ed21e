package io.broadsheet.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a recorded request's draft-cavage HTTP Signature (rsa-sha256) as a Mastodon inbox does: the signed
 * fields rebuilt from the request, the Digest against the body, and the signature against the sender's public key.
 */
public final class SignedRequests {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private SignedRequests() {
    }

    /** The Signature field's parameters: keyId, algorithm, headers, signature. */
    public static Map<String, String> parameters(RecordingInbox.Request request) {
        String field = request.header("Signature");
        if (field == null) {
            throw new AssertionError("expected a Signature field, the request had " + request.headers().keySet());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(field);
        while (m.find()) {
            parameters.put(m.group(1), m.group(2));
        }
        return parameters;
    }

    /** Fails, saying what differs, unless the request is signed with the key of {@code publicKeyPem}. */
    public static void verify(RecordingInbox.Request request, String host, String publicKeyPem) throws Exception {
        Map<String, String> parameters = parameters(request);
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(request.body().getBytes(StandardCharsets.UTF_8)));
        if (!digest.equals(request.header("Digest"))) {
            throw new AssertionError("expected Digest " + digest + " but was " + request.header("Digest"));
        }
        StringBuilder signing = new StringBuilder();
        for (String name : parameters.get("headers").split(" ")) {
            String value = switch (name) {
                case "(request-target)" -> "post " + request.path();
                case "host" -> host;
                default -> request.header(name);
            };
            signing.append(signing.length() == 0 ? "" : "\n").append(name).append(": ").append(value);
        }
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey(publicKeyPem));
        rsa.update(signing.toString().getBytes(StandardCharsets.UTF_8));
        if (!rsa.verify(Base64.getDecoder().decode(parameters.get("signature")))) {
            throw new AssertionError("the signature does not verify over:\n" + signing);
        }
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
