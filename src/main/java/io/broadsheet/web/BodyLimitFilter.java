package io.broadsheet.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses API bodies over 2 MiB with 413 before they are read; only the bulk import takes more (it is streamed,
 * whatever its size). Other API bodies must state their length: a chunked one is a 411, since the server would
 * otherwise have to hold it before it could measure it.
 */
@ServerFilter("/api/**")
public class BodyLimitFilter {

    /** Largest API body but an import's: 2 MiB. */
    public static final int MAX_BODY = 2 * 1024 * 1024;
    private static final String IMPORT = "/api/articles/import";

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (IMPORT.equals(request.getPath())) {
            return null;
        }
        long length = request.getContentLength();
        if (length > MAX_BODY) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, new BodyTooLargeException(length, MAX_BODY).getMessage())
                    .toResponse();
        }
        if (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return Problem.of(HttpStatus.LENGTH_REQUIRED, "Send the body with a Content-Length (at most " + MAX_BODY
                    + " bytes); only POST /api/articles/import takes a body of unknown length.").toResponse();
        }
        return null;
    }
}
