package io.broadsheet.web;

import io.broadsheet.tokens.TokenGuesses;
import io.broadsheet.tokens.TokenVerdict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.concurrent.CompletableFuture;

/**
 * Every {@code /api} call and {@code /metrics} need {@code Authorization: Bearer <admin token>}: 401 without it, 403
 * with a wrong one (after the failure delay), 429 while the client has sent too many wrong ones
 * ({@link TokenGuesses}; {@link HealthDetailsFilter} asks the same of a {@code /health} call that presents a token).
 */
@ServerFilter({"/api/**", "/metrics/**"})
public class AdminTokenFilter {

    private final AdminToken token;
    private final TokenGuesses guesses;

    public AdminTokenFilter(AdminToken token, TokenGuesses guesses) {
        this.token = token;
        this.guesses = guesses;
    }

    @RequestFilter
    public CompletableFuture<@Nullable HttpResponse<?>> authorise(HttpRequest<?> request) {
        String presented = BearerToken.of(request);
        if (presented == null) {
            return CompletableFuture.completedFuture(Problem.of(HttpStatus.UNAUTHORIZED,
                            "Send the admin token as 'Authorization: Bearer <token>' (see BROADSHEET_ADMIN_TOKEN).")
                    .toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"broadsheet\""));
        }
        TokenVerdict verdict = guesses.judge(request, token.matches(presented));
        return switch (verdict.outcome()) {
            case ACCEPTED -> CompletableFuture.completedFuture(null);
            case REFUSED -> guesses.afterDelay(
                    Problem.of(HttpStatus.FORBIDDEN, "The bearer token is not the admin token.").toResponse());
            case THROTTLED -> CompletableFuture.completedFuture(tooManyWrongTokens(verdict));
        };
    }

    /** The answer to a client that must wait: 429 with {@code Retry-After}, before its token is looked at. */
    public static HttpResponse<?> tooManyWrongTokens(TokenVerdict verdict) {
        return Problem.of(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong admin tokens from your address, or from"
                        + " everywhere: try again in " + verdict.retryAfterSeconds() + " s.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, verdict.retryAfterSeconds());
    }
}
