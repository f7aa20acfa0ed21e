package io.broadsheet.web;

import io.broadsheet.article.ArticleNotFoundException;
import io.broadsheet.article.ArticleStateException;
import io.broadsheet.article.SlugConflictException;
import io.broadsheet.article.StaleArticleException;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.fediverse.KeyFetchesBusyException;
import io.broadsheet.fediverse.SenderRefusedException;
import io.broadsheet.fediverse.UnverifiedRequestException;
import io.broadsheet.sitemap.SitemapNotFoundException;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.limits.ClientOverLimitException;
import io.broadsheet.limits.RenderersBusyException;
import io.broadsheet.move.DatabaseNotEmptyException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one table mapping domain exceptions to problem+json answers; anything else is a logged 500. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
@Requires(classes = {RuntimeException.class, ExceptionHandler.class})
public class ProblemHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (exception instanceof InvalidInputException invalid) {
            return new Problem("about:blank", "Invalid input", 400,
                    "The request breaks " + invalid.errors().size() + " rule(s); see errors.", invalid.errors())
                    .toResponse();
        }
        if (exception instanceof ArticleNotFoundException || exception instanceof FeedNotFoundException
                || exception instanceof SitemapNotFoundException) {
            return Problem.of(HttpStatus.NOT_FOUND, exception.getMessage()).toResponse();
        }
        if (exception instanceof BodyTooLargeException) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, exception.getMessage()).toResponse();
        }
        if (exception instanceof SlugConflictException || exception instanceof DatabaseNotEmptyException
                || exception instanceof ArticleStateException) {
            return Problem.of(HttpStatus.CONFLICT, exception.getMessage()).toResponse();
        }
        if (exception instanceof ClientOverLimitException over) {
            return Problem.of(HttpStatus.TOO_MANY_REQUESTS, over.getMessage()).toResponse()
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(over.retryAfter()));
        }
        if (exception instanceof RenderersBusyException busy) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, busy.getMessage()).toResponse()
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter()));
        }
        if (exception instanceof UnverifiedRequestException) {
            return Problem.of(HttpStatus.UNAUTHORIZED, exception.getMessage()).toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Signature headers=\"(request-target) host date digest\"");
        }
        if (exception instanceof SenderRefusedException) {
            return Problem.of(HttpStatus.FORBIDDEN, exception.getMessage()).toResponse();
        }
        if (exception instanceof KeyFetchesBusyException busy) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, busy.getMessage()).toResponse()
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter()));
        }
        if (exception instanceof StaleArticleException stale) {
            MutableHttpResponse<Problem> response = Problem.of(HttpStatus.PRECONDITION_FAILED, stale.getMessage())
                    .toResponse();
            if (stale.currentEtag() != null) {
                response.header(HttpHeaders.ETAG, stale.currentEtag());
            }
            return response;
        }
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getPath(), exception);
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to answer this request; nothing was changed by it. The failure is logged.")
                .toResponse();
    }
}
