package io.broadsheet.web;

import io.broadsheet.fediverse.FediverseSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses API bodies over 2 MiB, and fediverse inbox bodies over {@code broadsheet.fediverse.inbox-max-bytes}, with
 * 413 before they are read; only the bulk import takes more (it is streamed, whatever its size). Other bodies must
 * state their length: a chunked one is a 411, since the server would otherwise have to hold it before it could
 * measure it.
 */
@ServerFilter({"/api/**", BodyLimitFilter.SHARED_INBOX, BodyLimitFilter.FEED_INBOXES})
public class BodyLimitFilter {

    /** Largest API body but an import's: 2 MiB. */
    public static final int MAX_BODY = 2 * 1024 * 1024;
    static final String SHARED_INBOX = "/fediverse/inbox";
    static final String FEED_INBOXES = "/fediverse/*/inbox";
    private static final String IMPORT = "/api/articles/import";

    private final int inboxMaxBytes;

    public BodyLimitFilter(FediverseSettings fediverse) {
        this.inboxMaxBytes = fediverse.inboxMaxBytes();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        if (IMPORT.equals(request.getPath())) {
            return null;
        }
        boolean inbox = request.getPath().startsWith("/fediverse/");
        long max = inbox ? inboxMaxBytes : MAX_BODY;
        long length = request.getContentLength();
        if (length > max) {
            BodyTooLargeException over = inbox ? new BodyTooLargeException(length, max, "An activity is far smaller.")
                    : new BodyTooLargeException(length, max);
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, over.getMessage()).toResponse();
        }
        if (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return Problem.of(HttpStatus.LENGTH_REQUIRED, "Send the body with a Content-Length (at most " + max
                    + " bytes); only POST /api/articles/import takes a body of unknown length.").toResponse();
        }
        return null;
    }
}
