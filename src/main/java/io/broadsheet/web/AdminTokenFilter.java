package io.broadsheet.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every {@code /api} call and {@code /metrics} need {@code Authorization: Bearer <admin token>}: 401 without it, 403
 * with a wrong one ({@link HealthDetailsFilter} asks the same of a {@code /health} call that presents a token).
 */
@ServerFilter({"/api/**", "/metrics"})
public class AdminTokenFilter {

    private final AdminToken token;

    public AdminTokenFilter(AdminToken token) {
        this.token = token;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorise(HttpRequest<?> request) {
        String presented = BearerToken.of(request);
        if (presented == null) {
            return Problem.of(HttpStatus.UNAUTHORIZED,
                            "Send the admin token as 'Authorization: Bearer <token>' (see BROADSHEET_ADMIN_TOKEN).")
                    .toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"broadsheet\"");
        }
        if (!token.matches(presented)) {
            return Problem.of(HttpStatus.FORBIDDEN, "The bearer token is not the admin token.").toResponse();
        }
        return null;
    }
}
