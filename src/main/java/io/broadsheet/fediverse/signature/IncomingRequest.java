package io.broadsheet.fediverse.signature;

import java.util.List;
import java.util.function.Function;

/**
 * A request as its signature covers it.
 *
 * @param header field name (any case) to its values (an empty list when absent)
 */
public record IncomingRequest(String method, String scheme, String authority, String pathAndQuery,
                              Function<String, List<String>> header, byte[] body) {
}
