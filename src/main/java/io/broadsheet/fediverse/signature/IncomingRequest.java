package io.broadsheet.fediverse.signature;

import java.util.List;
import java.util.function.Function;

/**
 * What a signature check needs of an incoming request: its method, scheme, authority (host[:port]), path with its
 * query as received, its header fields ({@code header}: a field name in any case to its values, an empty list when
 * absent) and its body ({@code null} or empty when it has none).
 */
public record IncomingRequest(String method, String scheme, String authority, String pathAndQuery,
                              Function<String, List<String>> header, byte[] body) {

    boolean hasBody() {
        return body != null && body.length > 0;
    }
}
