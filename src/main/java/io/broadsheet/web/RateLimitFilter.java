package io.broadsheet.web;

import io.broadsheet.clients.ClientAddresses;
import io.broadsheet.limits.ClientOverLimitException;
import io.broadsheet.limits.ClientRateLimiter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The per-client rate limit ({@link ClientRateLimiter}) on the routes of feeds, pages and the fediverse: over it, 429 with
 * {@code Retry-After}, problem+json, or a short HTML page for a browser asking for a page. Polls the event loop
 * answers ({@link FeedFastPath}) are limited there, each request once.
 */
@ServerFilter({"/feeds/**", "/feeds.opml/**", "/", "/articles/**", "/categories/**", "/fediverse/**",
        "/.well-known/webfinger", "/.well-known/nodeinfo", "/nodeinfo/**"})
public class RateLimitFilter {

    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Too many requests</title></head><body><h1>Too many requests</h1><p>This address has sent more"
            + " requests than the site serves at once. Please try again in %d s.</p></body></html>";

    private final ClientRateLimiter limiter;
    private final ProblemHandler problems;

    public RateLimitFilter(ClientRateLimiter limiter, ProblemHandler problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        long wait = limiter.admit(request.getHeaders().get("X-Forwarded-For"),
                ClientAddresses.peer(request.getRemoteAddress()));
        if (wait == 0) {
            return null;
        }
        if (!request.getPath().startsWith("/feeds") && request.accept().stream().anyMatch(MediaType.TEXT_HTML_TYPE::equals)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.TEXT_HTML_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait)).body(PAGE.formatted(wait));
        }
        return problems.handle(request, new ClientOverLimitException(wait));
    }
}
