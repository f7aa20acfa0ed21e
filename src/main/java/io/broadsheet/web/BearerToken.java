package io.broadsheet.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** Reads {@code Authorization: Bearer <token>} (RFC 6750), for the admin token and partner keys alike. */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** The token, or null when the request carries no bearer credentials. */
    public static String of(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).strip();
    }
}
