package io.broadsheet.fediverse.signature;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The values of RFC 9421 components in a request: the derived components {@code @method}, {@code @target-uri},
 * {@code @authority}, {@code @scheme}, {@code @request-target}, {@code @path}, {@code @query} and
 * {@code @query-param;name=...} (section 2.2), and header fields by their lower-case names, several lines joined
 * with ", " (section 2.1). Parameters that change how a field is read ({@code sf}, {@code key}, {@code bs},
 * {@code req}, {@code tr}) are not supported, so a signature using them is not used.
 * Spec: https://www.rfc-editor.org/rfc/rfc9421#section-2
 */
final class Components {

    private Components() {
    }

    /** Why this component cannot be used here, or null when it can. */
    static String unusable(StructuredFields.Member component) {
        if (!(component.value() instanceof String name)) {
            return "a component identifier is not a string";
        }
        Map<String, Object> params = component.params();
        if (name.equals("@query-param")) {
            return params.size() == 1 && params.get("name") instanceof String ? null
                    : "@query-param needs exactly one name parameter";
        }
        if (!params.isEmpty()) {
            return "the component " + name + " has parameters (" + String.join(", ", params.keySet()) + "), which are not supported";
        }
        if (name.startsWith("@")) {
            return switch (name) {
                case "@method", "@target-uri", "@authority", "@scheme", "@request-target", "@path", "@query" -> null;
                default -> "the component " + name + " is not supported";
            };
        }
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            return "the field name \"" + name + "\" is not in lower case";
        }
        return null;
    }

    /** The value a usable component has in this request. */
    static String value(StructuredFields.Member component, IncomingRequest request) throws SignatureException {
        String name = (String) component.value();
        switch (name) {
            case "@method":
                return request.method();
            case "@target-uri":
                return scheme(request) + "://" + authority(request) + request.pathAndQuery();
            case "@authority":
                return authority(request);
            case "@scheme":
                return scheme(request);
            case "@request-target":
                return request.pathAndQuery();
            case "@path":
                return path(request);
            case "@query":
                return "?" + query(request);
            case "@query-param":
                return queryParam(request, (String) component.params().get("name"));
            default:
                String value = Limits.joined(request, name);
                if (value == null) {
                    throw new SignatureException("the signature covers " + name + " but the request has no such field");
                }
                return value;
        }
    }

    private static String scheme(IncomingRequest request) throws SignatureException {
        if (request.scheme() == null) {
            throw new SignatureException("the signature covers the scheme, which the request does not tell");
        }
        return request.scheme().toLowerCase(Locale.ROOT);
    }

    /** Host in lower case, without the scheme's default port (section 2.2.3). */
    private static String authority(IncomingRequest request) throws SignatureException {
        if (request.authority() == null) {
            throw new SignatureException("the signature covers the authority, which the request does not tell");
        }
        String authority = request.authority().toLowerCase(Locale.ROOT);
        String scheme = scheme(request);
        if (scheme.equals("https") && authority.endsWith(":443") || scheme.equals("http") && authority.endsWith(":80")) {
            return authority.substring(0, authority.lastIndexOf(':'));
        }
        return authority;
    }

    private static String path(IncomingRequest request) {
        String target = request.pathAndQuery();
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        return path.isEmpty() ? "/" : path;
    }

    private static String query(IncomingRequest request) {
        String target = request.pathAndQuery();
        int question = target.indexOf('?');
        return question < 0 ? "" : target.substring(question + 1);
    }

    /**
     * The named parameter's value, decoded and encoded again (section 2.2.8); it must occur once. Names compare in
     * that encoded form too, as the section's example {@code name="fa%C3%A7ade%22%3A%20"} shows.
     */
    private static String queryParam(IncomingRequest request, String wanted) throws SignatureException {
        String found = null;
        for (String pair : query(request).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = encode(decode(eq < 0 ? pair : pair.substring(0, eq)));
            if (name.equals(wanted)) {
                if (found != null) {
                    throw new SignatureException("the signature covers the query parameter " + wanted + ", which occurs more than once");
                }
                found = encode(decode(eq < 0 ? "" : pair.substring(eq + 1)));
            }
        }
        if (found == null) {
            throw new SignatureException("the signature covers the query parameter " + wanted + " but the request has none");
        }
        return found;
    }

    private static String decode(String text) throws SignatureException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SignatureException("the query has a malformed percent-encoding: \"" + Digests.shorten(text) + "\"");
        }
    }

    /** Percent-encodes every byte but unreserved characters (RFC 3986 section 2.3). */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
