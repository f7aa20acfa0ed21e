package io.broadsheet.fediverse.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Requests of the published vectors and of the tests, as an {@link IncomingRequest}. */
final class Messages {

    static final String VECTORS = "/fediverse/signature-vectors/";

    private Messages() {
    }

    /** The text of a vector file. */
    static String vector(String name) {
        try (InputStream in = Messages.class.getResourceAsStream(VECTORS + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector " + VECTORS + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request written as HTTP/1.1 text (request line, fields, empty line, body of Content-Length bytes). */
    static IncomingRequest parse(String text, String scheme) {
        String[] lines = text.split("\n", -1);
        String[] requestLine = lines[0].split(" ");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            fields.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        String rest = String.join("\n", List.of(lines).subList(Math.min(i + 1, lines.length), lines.length));
        byte[] body = rest.getBytes(StandardCharsets.UTF_8);
        List<String> length = fields.get("content-length");
        if (length != null) {
            body = java.util.Arrays.copyOf(body, Integer.parseInt(length.get(0)));
        }
        String host = fields.getOrDefault("host", List.of("example.com")).get(0);
        return request(requestLine[0], scheme, host, requestLine[1], fields, body.length == 0 ? null : body);
    }

    /** A request with these fields (names in any case). */
    static IncomingRequest request(String method, String scheme, String authority, String target,
                                   Map<String, List<String>> fields, byte[] body) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        fields.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return new IncomingRequest(method, scheme, authority, target,
                name -> lower.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()), body);
    }

    /** The same request with one field replaced (or removed, when {@code values} is empty). */
    static IncomingRequest withField(IncomingRequest request, String name, String... values) {
        return new IncomingRequest(request.method(), request.scheme(), request.authority(), request.pathAndQuery(),
                n -> n.equalsIgnoreCase(name) ? List.of(values) : request.header().apply(n), request.body());
    }

    /** The same request with another body. */
    static IncomingRequest withBody(IncomingRequest request, byte[] body) {
        return new IncomingRequest(request.method(), request.scheme(), request.authority(), request.pathAndQuery(),
                request.header(), body);
    }

    /** A private key of a PEM text: PKCS#8 "PRIVATE KEY" (RSA, RSA-PSS or Ed25519) or PKCS#1 "RSA PRIVATE KEY". */
    static PrivateKey privateKey(String pem, String algorithm) throws Exception {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? PublicKeys.pkcs8OfPkcs1(der) : der));
    }
}
