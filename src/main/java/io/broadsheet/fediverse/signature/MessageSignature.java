package io.broadsheet.fediverse.signature;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An RFC 9421 HTTP Message Signature: one labelled member of {@code Signature-Input} with its member of
 * {@code Signature}, and the signature base of section 2.5 built from the request. A request may carry several:
 * the first label (in {@code Signature-Input}'s order) whose components, parameters and algorithm this package
 * supports and which has a {@code keyid}, a {@code created} and a signature is the one used; the others are ignored.
 * Spec: https://www.rfc-editor.org/rfc/rfc9421
 */
final class MessageSignature implements SignedMessage {

    private final String label;
    private final StructuredFields.Member input;
    private final byte[] signature;
    private final IncomingRequest request;

    private MessageSignature(String label, StructuredFields.Member input, byte[] signature, IncomingRequest request) {
        this.label = label;
        this.input = input;
        this.signature = signature;
        this.request = request;
    }

    /** The first usable signature of the request's Signature-Input and Signature fields. */
    static MessageSignature read(String signatureInput, String signatures, IncomingRequest request) throws SignatureException {
        Map<String, StructuredFields.Member> inputs = StructuredFields.parseDictionary(signatureInput, "Signature-Input");
        Map<String, StructuredFields.Member> values = StructuredFields.parseDictionary(signatures, "Signature");
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<String, StructuredFields.Member> entry : inputs.entrySet()) {
            String label = entry.getKey();
            String reason = unusable(entry.getValue(), values.get(label));
            if (reason == null) {
                return new MessageSignature(label, entry.getValue(), (byte[]) values.get(label).value(), request);
            }
            reasons.add(label + ": " + reason);
        }
        throw new SignatureException("no signature of the request can be used (" + String.join("; ", reasons) + ")");
    }

    private static String unusable(StructuredFields.Member input, StructuredFields.Member value) {
        if (value == null || !(value.value() instanceof byte[])) {
            return "the Signature field has no byte sequence for it";
        }
        if (!(input.value() instanceof List<?> components)) {
            return "it is not an inner list of components";
        }
        if (components.size() > Limits.MAX_COMPONENTS) {
            return "it covers more than " + Limits.MAX_COMPONENTS + " components";
        }
        Set<String> seen = new HashSet<>();
        for (Object component : components) {
            StructuredFields.Member member = (StructuredFields.Member) component;
            String reason = Components.unusable(member);
            if (reason != null) {
                return reason;
            }
            if (!seen.add(StructuredFieldWriter.serialize(member))) {
                return "it covers " + StructuredFieldWriter.serialize(member) + " twice";
            }
        }
        return unusableParameters(input.params());
    }

    private static String unusableParameters(Map<String, Object> params) {
        if (!(params.get("keyid") instanceof String keyId) || keyId.isEmpty()) {
            return "it has no keyid string";
        }
        if (!(params.get("created") instanceof Long)) {
            return "it has no created integer";
        }
        if (params.containsKey("expires") && !(params.get("expires") instanceof Long)) {
            return "its expires is not an integer";
        }
        Object alg = params.get("alg");
        if (alg != null && !(alg instanceof String name && Algorithms.byRfcName(name) != null)) {
            return "its algorithm " + StructuredFieldWriter.serialize(new StructuredFields.Member(alg, Map.of())) + " is not supported";
        }
        return null;
    }

    @Override
    public String keyId() {
        return (String) input.params().get("keyid");
    }

    String label() {
        return label;
    }

    /**
     * Checks what is cheap first (the body's digest is covered, the request is covered, freshness), then the
     * signature, and only then hashes the body for its Content-Digest: a stranger's body costs nothing unsigned.
     */
    @Override
    public void verify(PublicKey key, Instant now) throws SignatureException {
        boolean digestCovered = covers("content-digest");
        if (request.hasBody() && !digestCovered) {
            throw new SignatureException("the request has a body but signature " + label + " does not cover content-digest");
        }
        checkCoversTheRequest();
        Limits.checkFresh("the signature's created", Instant.ofEpochSecond((Long) input.params().get("created")), now);
        if (input.params().get("expires") instanceof Long expires) {
            Limits.checkNotExpired(Instant.ofEpochSecond(expires), now);
        }
        checkSignature(key);
        if (digestCovered) {
            checkContentDigest();
        }
    }

    /**
     * Throws unless the signature covers the request it came with, so that it cannot be replayed on another:
     * {@code @method}, and {@code @target-uri} or else {@code @authority}, {@code @path} and (when the request has a
     * query) {@code @query}.
     */
    private void checkCoversTheRequest() throws SignatureException {
        if (!covers("@method")) {
            throw new SignatureException("signature " + label + " does not cover @method: expected @method and @target-uri"
                    + " (or @authority, @path and @query) among its components");
        }
        if (covers("@target-uri")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("@authority", "@path", "@query")) {
            if (!covers(name) && (!name.equals("@query") || hasQuery())) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new SignatureException("signature " + label + " does not cover " + String.join(", ", missing)
                    + ": expected @target-uri, or @authority, @path and (for a request with a query) @query");
        }
    }

    private boolean hasQuery() {
        return request.pathAndQuery() != null && request.pathAndQuery().indexOf('?') >= 0;
    }

    private boolean covers(String name) {
        return components().stream().anyMatch(c -> name.equals(c.value()) && c.params().isEmpty());
    }

    /** Checks a covered Content-Digest against the body, an empty one when the request has none. */
    private void checkContentDigest() throws SignatureException {
        String digest = Limits.joined(request, "content-digest");
        if (digest == null) {
            throw new SignatureException("signature " + label + " covers content-digest but the request has no Content-Digest field");
        }
        Digests.checkContentDigest(digest, request.body());
    }

    /** Checks the signature alone, whatever the time and the body: for the published test vectors. */
    void checkSignature(PublicKey key) throws SignatureException {
        String base = signatureBase();
        Object alg = input.params().get("alg");
        List<Algorithms> candidates = alg == null ? Algorithms.forKey(key) : List.of(Algorithms.byRfcName((String) alg));
        for (Algorithms algorithm : candidates) {
            if (algorithm.verifies(key, base, signature)) {
                return;
            }
        }
        throw new SignatureException("signature " + label + " of key " + keyId() + " does not verify");
    }

    @SuppressWarnings("unchecked")
    private List<StructuredFields.Member> components() {
        return (List<StructuredFields.Member>) input.value();
    }

    /** The signature base of section 2.5: a line per component, then the {@code @signature-params} line. */
    String signatureBase() throws SignatureException {
        return base(components(), input, request);
    }

    private static String base(List<StructuredFields.Member> components, StructuredFields.Member input,
                               IncomingRequest request) throws SignatureException {
        StringBuilder base = new StringBuilder();
        for (StructuredFields.Member component : components) {
            base.append(StructuredFieldWriter.serialize(component)).append(": ")
                    .append(Components.value(component, request)).append('\n');
        }
        return base.append("\"@signature-params\": ").append(StructuredFieldWriter.serialize(input)).toString();
    }

    /**
     * Signs a request (RFC 9421 section 3.1): the Signature-Input and Signature fields of one signature labelled
     * {@code label} covering {@code components}, with the parameters given in order ({@code created}, {@code keyid},
     * {@code alg}...), by {@code algorithm}.
     */
    static Map<String, String> sign(String label, IncomingRequest request, List<String> components,
                                    Map<String, Object> params, Algorithms algorithm, PrivateKey key) throws SignatureException {
        List<StructuredFields.Member> members = new ArrayList<>();
        for (String component : components) {
            StructuredFields.Member member = new StructuredFields.Member(component, Map.of());
            String reason = Components.unusable(member);
            if (reason != null) {
                throw new IllegalArgumentException(reason);
            }
            members.add(member);
        }
        StructuredFields.Member input = new StructuredFields.Member(members, new LinkedHashMap<>(params));
        byte[] signed = algorithm.sign(key, base(members, input, request));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Signature-Input", label + "=" + StructuredFieldWriter.serialize(input));
        fields.put("Signature", label + "=" + StructuredFieldWriter.serialize(new StructuredFields.Member(signed, Map.of())));
        return fields;
    }
}
