package io.broadsheet.fediverse.signature;

import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP Signatures of fediverse requests: outgoing requests signed as Mastodon signs them (draft-cavage-12,
 * rsa-sha256), incoming ones read in either scheme (draft-cavage-12 or RFC 9421) and checked through
 * {@link SignedMessage#verify}. Start here.
 */
public final class HttpSignatures {

    private static final String SCHEME = "signature ";

    private HttpSignatures() {
    }

    /**
     * The fields to add to an outgoing request, signed as Mastodon signs: Date, Digest (SHA-256 of body; only when
     * body != null), Signature (draft-cavage-12, algorithm rsa-sha256 (hs2019 is not used for sending), headers
     * "(request-target) host date" plus " digest content-type" when there is a body). host = uri's authority as
     * an HTTP client sends it (no default port).
     */
    public static Map<String, String> sign(String method, URI uri, byte[] body, String contentType,
                                           String keyId, PrivateKey key, Instant now) {
        return CavageSignature.sign(method, requestTarget(uri), host(uri), body, contentType, keyId, key, now);
    }

    /**
     * Reads an incoming request's signature: draft-cavage ({@code Signature}, or {@code Authorization: Signature
     * ...}) or RFC 9421 ({@code Signature-Input} + {@code Signature}). Throws naming what is missing or malformed.
     */
    public static SignedMessage read(IncomingRequest request) throws SignatureException {
        String signatureInput = Limits.joined(request, "signature-input");
        String signature = Limits.joined(request, "signature");
        if (signatureInput != null) {
            if (signature == null) {
                throw new SignatureException("the request has a Signature-Input field but no Signature field");
            }
            return MessageSignature.read(signatureInput, signature, request);
        }
        if (signature != null) {
            return CavageSignature.read(signature, request);
        }
        String authorization = Limits.joined(request, "authorization");
        if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return CavageSignature.read(authorization.substring(SCHEME.length()), request);
        }
        throw new SignatureException("the request is not signed: expected a Signature field (or Signature-Input and Signature)");
    }

    /**
     * Signs a request as RFC 9421 describes, with RSASSA-PKCS1-v1_5 SHA-256: the Signature-Input and Signature
     * fields of the signature {@code sig1} covering {@code components} (derived components and lower-case field
     * names, which the request must carry), with created = now, keyid and alg="rsa-v1_5-sha256".
     */
    public static Map<String, String> signRfc9421(IncomingRequest request, List<String> components, String keyId,
                                                  PrivateKey key, Instant now) throws SignatureException {
        if (!(key instanceof RSAKey)) {
            throw new IllegalArgumentException("rsa-v1_5-sha256 needs an RSA key, not " + key.getAlgorithm());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("created", now.getEpochSecond());
        params.put("keyid", keyId);
        params.put("alg", Algorithms.RSA_V1_5_SHA256.rfcName);
        return MessageSignature.sign("sig1", request, components, params, Algorithms.RSA_V1_5_SHA256, key);
    }

    /** Path and query as sent: "/" for an empty path. */
    static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The Host an HTTP client sends for this URI: its host, and its port unless it is the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
