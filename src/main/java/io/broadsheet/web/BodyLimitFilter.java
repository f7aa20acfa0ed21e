package io.broadsheet.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses API bodies over 2 MiB with 413 before they are read; only the bulk import takes more. Bodies sent
 * without a length are measured by the controllers once read.
 */
@ServerFilter("/api/**")
public class BodyLimitFilter {

    /** Largest API body but an import's: 2 MiB. */
    static final int MAX_BODY = 2 * 1024 * 1024;
    private static final String IMPORT = "/api/articles/import";

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > MAX_BODY && !IMPORT.equals(request.getPath())) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, new BodyTooLargeException(length, MAX_BODY).getMessage())
                    .toResponse();
        }
        return null;
    }
}
