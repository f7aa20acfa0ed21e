package io.broadsheet.newsroom;

import io.broadsheet.pages.PageResponses;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.stats.PollStatistics;
import io.broadsheet.tokens.TokenGuesses;
import io.broadsheet.tokens.TokenVerdict;
import io.broadsheet.web.AdminToken;
import io.broadsheet.web.AdminTokenFilter;
import io.broadsheet.web.BearerToken;
import io.broadsheet.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The newsroom: {@code GET /newsroom} (the sign-in form, or the dashboard with a session), {@code POST
 * /newsroom/login} and {@code /newsroom/logout}, and the charts' data, {@code GET /newsroom/data/stats?days=30}.
 * {@link NewsroomGuard} checks every form's origin first.
 */
@Controller(NewsroomSessions.PATH)
public class NewsroomController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final NewsroomSessions sessions;
    private final NewsroomDashboard dashboard;
    private final TokenGuesses guesses;
    private final AdminToken token;
    private final String siteTitle;
    private final PageResponses pages;

    public NewsroomController(NewsroomSessions sessions, NewsroomDashboard dashboard, TokenGuesses guesses,
                              AdminToken token, FeedsConfig config, PageResponses pages) {
        this.pages = pages;
        this.sessions = sessions;
        this.dashboard = dashboard;
        this.guesses = guesses;
        this.token = token;
        this.siteTitle = config.site().title();
    }

    @Get(produces = HTML)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> home(HttpRequest<?> request, @Nullable @QueryValue String days) {
        Optional<String> session = sessions.of(request);
        if (session.isEmpty()) {
            return HttpResponse.ok(signIn(request, null));
        }
        int n = PollStatistics.days(days);
        return HttpResponse.ok(pages.render("newsroom/dashboard", dashboard.model(n, sessions.csrfToken(session.get())),
                request));
    }

    /** A wrong token is answered after a short delay; a client that sent too many waits ({@link TokenGuesses}). */
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    public CompletableFuture<HttpResponse<?>> login(HttpRequest<?> request, @Nullable @Body("token") String presented) {
        TokenVerdict verdict = guesses.judge(request, token.matches(presented));
        return switch (verdict.outcome()) {
            case ACCEPTED -> CompletableFuture.completedFuture(seeNewsroom().header(HttpHeaders.SET_COOKIE,
                    NewsroomSessions.setCookie(sessions.issue())));
            case REFUSED -> guesses.afterDelay(HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(signIn(request, "That is not the admin token.")));
            case THROTTLED -> CompletableFuture.completedFuture(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, verdict.retryAfterSeconds())
                    .body(signIn(request, "Too many wrong tokens: try again in "
                            + minutes(verdict.retryAfter()) + " min.")));
        };
    }

    /** Ends the session; with a live session, the form must carry its CSRF token. */
    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<?> logout(HttpRequest<?> request, @Nullable @Body("csrf") String csrf) {
        Optional<String> session = sessions.of(request);
        if (session.isPresent() && !sessions.csrfMatches(session.get(), csrf)) {
            return Problem.of(HttpStatus.FORBIDDEN, "The form's token does not belong to this session:"
                    + " reload the newsroom and sign out again.").toResponse();
        }
        return seeNewsroom().header(HttpHeaders.SET_COOKIE, NewsroomSessions.clearCookie());
    }

    /** The report of {@code GET /api/stats/feeds}, for the charts: with a session, or with the admin token. */
    @Get(value = "/data/stats", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> stats(HttpRequest<?> request, @Nullable @QueryValue String days) {
        HttpResponse<?> refused = sessions.of(request).isEmpty() ? refuseBearer(request) : null;
        if (refused != null) {
            return refused;
        }
        return HttpResponse.ok(dashboard.stats(PollStatistics.days(days)));
    }

    /** Null when the request's bearer token is the admin token; else 401, or 429 while the client must wait. */
    @Nullable
    private HttpResponse<?> refuseBearer(HttpRequest<?> request) {
        String presented = BearerToken.of(request);
        TokenVerdict verdict = presented == null ? null : guesses.judge(request, token.matches(presented));
        if (verdict != null && verdict.outcome() == TokenVerdict.Outcome.ACCEPTED) {
            return null;
        }
        if (verdict != null && verdict.outcome() == TokenVerdict.Outcome.THROTTLED) {
            return AdminTokenFilter.tooManyWrongTokens(verdict);
        }
        return Problem.of(HttpStatus.UNAUTHORIZED,
                "Sign in at /newsroom, or send the admin token as 'Authorization: Bearer <token>'.").toResponse();
    }

    private String signIn(HttpRequest<?> request, @Nullable String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Newsroom sign-in \u2014 " + siteTitle);
        model.put("message", message);
        return pages.render("newsroom/login", model, request);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    private static MutableHttpResponse<?> seeNewsroom() {
        return HttpResponse.seeOther(URI.create(NewsroomSessions.PATH));
    }
}
