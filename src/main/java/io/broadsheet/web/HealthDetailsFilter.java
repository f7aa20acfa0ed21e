package io.broadsheet.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /health} and its views answer anyone with their status alone; a call that sends the admin token, checked
 * by {@link AdminTokenFilter} (401 or 403 for a wrong one), also gets each check's details. The health endpoint shows
 * details to an authenticated caller ({@code endpoints.health.details-visible: AUTHENTICATED}): the token's holder is
 * that caller.
 */
@ServerFilter({"/health", "/health/**"})
public class HealthDetailsFilter {

    /** The one caller the service knows: whoever holds the admin token. */
    static final Principal ADMIN = () -> "admin";

    private final AdminTokenFilter tokens;

    public HealthDetailsFilter(AdminTokenFilter tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    public CompletableFuture<@Nullable HttpResponse<?>> authenticate(HttpRequest<?> request) {
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return CompletableFuture.completedFuture(null);
        }
        return tokens.authorise(request).thenApply(refused -> {
            if (refused == null) {
                request.setAttribute(HttpAttributes.PRINCIPAL, ADMIN);
            }
            return refused;
        });
    }
}
