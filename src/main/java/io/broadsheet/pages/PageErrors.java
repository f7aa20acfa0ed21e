package io.broadsheet.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The framework's own errors (no such route, a method a route does not take): a styled HTML page for a browser
 * asking for a page, problem+json for everything else. The API, the feeds, health, metrics and assets always answer
 * problem+json, whatever the Accept header says. It replaces Micronaut's default processor, which sends its own
 * unstyled HTML to any request that accepts text/html, {@code /api} ones included.
 */
@Singleton
public class PageErrors implements ErrorResponseProcessor<Object> {

    /** Paths that are never pages. */
    private static final List<String> NOT_PAGES = List.of("/api/", "/feeds/", "/health", "/metrics", "/assets/",
            "/webjars/");

    private final PageResponses responses;
    private final JsonErrorResponseBodyProvider<?> problems;

    public PageErrors(PageResponses responses, JsonErrorResponseBodyProvider<?> problems) {
        this.responses = responses;
        this.problems = problems;
    }

    /** What the error page says for a status. */
    static Map<String, Object> model(HttpStatus status) {
        String message = status == HttpStatus.NOT_FOUND
                ? "There is no page at this address. It may have been mistyped, or the story may not be published yet."
                : "This request could not be answered (" + status.getCode() + " " + status.getReason() + ").";
        return Map.of("status", status.getCode(), "heading", status == HttpStatus.NOT_FOUND ? "Page not found"
                : status.getReason(), "message", message);
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        MutableHttpResponse<Object> answer = (MutableHttpResponse<Object>) response;
        boolean negotiated = mayBePage(request);
        if (negotiated) {
            answer.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT); // a page or problem+json, by Accept
        }
        if (response.status().getCode() >= 400 && negotiated && wantsHtml(request)) {
            String html = responses.render("error", model(response.status()), request);
            MutableHttpResponse<?> page = responses.dress(response, html);
            page.getHeaders().remove(HttpHeaders.CACHE_CONTROL);
            return (MutableHttpResponse<Object>) page;
        }
        return answer.body(problems.body(context, response)).contentType(problems.contentType());
    }

    /** Whether an error at this path is a page for a browser (and problem+json for others), not always the latter. */
    private static boolean mayBePage(HttpRequest<?> request) {
        String path = request.getPath();
        return NOT_PAGES.stream().noneMatch(p -> path.startsWith(p) || path.equals(p.replaceAll("/$", "")));
    }

    private static boolean wantsHtml(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(MediaType.TEXT_HTML_TYPE::equals);
    }
}
