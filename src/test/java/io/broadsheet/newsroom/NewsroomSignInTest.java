package io.broadsheet.newsroom;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in to the newsroom with the admin token: the session cookie and its flags, refusals (wrong token, altered,
 * expired or foreign cookies, forms from other sites, too many wrong tokens), signing out, and the API keeping to
 * the bearer token.
 */
@MicronautTest(transactional = false)
class NewsroomSignInTest extends HttpTest {

    private static final int FAILURES_ALLOWED = 4;
    private static final Duration FAILURE_DELAY = Duration.ofMillis(300);
    private static final String ROTATED = "rotated-token-of-at-least-32-characters";

    @Inject
    MutableClock clock;

    private NewsroomBrowser browser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.test.mutable-clock", "true");
        properties.put("broadsheet.token-guesses.per-address", Integer.toString(FAILURES_ALLOWED));
        properties.put("broadsheet.token-guesses.failure-delay", FAILURE_DELAY.toMillis() + "ms");
        return properties;
    }

    @BeforeEach
    void now() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        browser = new NewsroomBrowser(http, server.getURI());
        browser.signIn(); // forgets the failures of earlier tests
    }

    private static void assertSecured(Http.Answer answer) {
        assertEquals("no-store", answer.header("Cache-Control").orElse(null), "Cache-Control of " + answer);
        assertEquals(NewsroomGuard.CSP, answer.header("Content-Security-Policy").orElse(null));
        assertEquals("DENY", answer.header("X-Frame-Options").orElse(null));
        assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(null));
    }

    private static void assertSignInForm(Http.Answer answer) {
        assertTrue(answer.header("Content-Type").orElse("").startsWith("text/html"), answer.headers().toString());
        Document page = NewsroomBrowser.html5(answer.body());
        assertNotNull(page.selectFirst("form[method=post][action=/newsroom/login] input[type=password][name=token]"),
                "the sign-in form: " + answer.body());
        assertNotNull(page.selectFirst("label[for=token]"));
        assertFalse(answer.body().contains(Http.ADMIN_TOKEN), "the page never shows the token");
    }

    @Test
    void withoutASessionTheNewsroomShowsTheSignInForm() {
        Http.Answer answer = browser.get("/newsroom", null);
        assertEquals(200, answer.status());
        assertSignInForm(answer);
        assertSecured(answer);
        assertTrue(answer.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void aWrongTokenIs401WithTheFormAMessageAndNoCookieAfterADelay() {
        long start = System.nanoTime();
        Http.Answer answer = browser.login("not-the-token");
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(401, answer.status(), answer.toString());
        assertSignInForm(answer);
        assertTrue(NewsroomBrowser.html5(answer.body()).selectFirst("[role=alert]").text().contains("not the admin token"));
        assertEquals(List.of(), answer.headers().allValues("Set-Cookie"));
        assertSecured(answer);
        assertTrue(took >= FAILURE_DELAY.toMillis(), "a wrong token is answered after the delay, took " + took + " ms");
        assertEquals(401, browser.login("").status(), "an empty token");
    }

    @Test
    void theAdminTokenSetsASecureHttpOnlyStrictCookieOnTheNewsroomPathAndRedirects() {
        Http.Answer answer = browser.login(Http.ADMIN_TOKEN);
        assertEquals(303, answer.status());
        assertEquals("/newsroom", answer.header("Location").orElse(null));
        assertSecured(answer);
        NewsroomBrowser.SetCookie cookie = NewsroomBrowser.sessionCookie(answer);
        assertEquals(Map.of("path", "/newsroom", "max-age", "43200", "secure", "", "httponly", "", "samesite", "Strict"),
                cookie.attributes());
        assertFalse(cookie.value().contains(Http.ADMIN_TOKEN), "the cookie is not the token: " + cookie.value());
        assertTrue(cookie.value().matches("\\d+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"), cookie.value());
        assertNotEquals(cookie.value(), browser.signIn(), "each sign-in gets a session of its own");

        Http.Answer dashboard = browser.get("/newsroom", cookie.value());
        assertEquals(200, dashboard.status());
        Document page = NewsroomBrowser.html5(dashboard.body());
        assertNotNull(page.selectFirst("form[action=/newsroom/logout] button"), "the dashboard, with a sign-out button");
        assertFalse(dashboard.body().contains(Http.ADMIN_TOKEN));
        assertSecured(dashboard);
        assertEquals(200, browser.get("/newsroom/data/stats?days=7", cookie.value()).status());
    }

    @Test
    void anAlteredCookieIsRefused() {
        String session = browser.signIn();
        String[] parts = session.split("\\.");
        String laterExpiry = (Long.parseLong(parts[0]) + 3600) + "." + parts[1] + "." + parts[2];
        char last = parts[2].charAt(parts[2].length() - 1);
        String otherMac = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherRandom = parts[0] + "." + new StringBuilder(parts[1]).reverse() + "." + parts[2];
        for (String altered : List.of(laterExpiry, otherMac, otherRandom, parts[0] + "." + parts[1], "", Http.ADMIN_TOKEN,
                session + "." + parts[2], "x".repeat(5000))) {
            assertSignInForm(browser.get("/newsroom", altered));
            assertEquals(401, browser.get("/newsroom/data/stats", altered).status(), altered);
        }
    }

    @Test
    void aSessionEndsAfterTwelveHours() {
        String session = browser.signIn();
        clock.set(clock.instant().plus(Duration.ofHours(12)).minusSeconds(1));
        assertEquals(200, browser.get("/newsroom/data/stats", session).status(), "a second before the end");
        clock.set(clock.instant().plusSeconds(1));
        assertEquals(401, browser.get("/newsroom/data/stats", session).status(), "at the end");
        assertSignInForm(browser.get("/newsroom", session));
    }

    @Test
    void signingOutClearsTheCookieAndNeedsTheSessionsFormToken() {
        String session = browser.signIn();
        String csrf = NewsroomBrowser.html5(browser.get("/newsroom", session).body())
                .selectFirst("form[action=/newsroom/logout] input[name=csrf]").val();
        assertEquals(403, browser.postForm("/newsroom/logout", session).status(), "no form token");
        assertEquals(403, browser.postForm("/newsroom/logout", session, "csrf", csrf + "x").status(), "another token");
        assertEquals(403, browser.postForm("/newsroom/logout", browser.signIn(), "csrf", csrf).status(),
                "the token of another session");

        Http.Answer out = browser.postForm("/newsroom/logout", session, "csrf", csrf);
        assertEquals(303, out.status(), out.toString());
        assertEquals("/newsroom", out.header("Location").orElse(null));
        NewsroomBrowser.SetCookie cleared = NewsroomBrowser.sessionCookie(out);
        assertEquals("", cleared.value());
        assertEquals(Map.of("path", "/newsroom", "max-age", "0", "secure", "", "httponly", "", "samesite", "Strict"),
                cleared.attributes());
    }

    @Test
    void formsFromAnotherSiteOrFromNowhereAre403() {
        Http.Answer foreign = browser.send(browser.form("/newsroom/login", null, "token", Http.ADMIN_TOKEN)
                .header("Origin", "https://evil.example"));
        assertEquals(403, foreign.status(), "login CSRF: " + foreign);
        assertEquals(List.of(), foreign.headers().allValues("Set-Cookie"));
        assertSecured(foreign);
        assertEquals(403, browser.send(browser.form("/newsroom/login", null, "token", Http.ADMIN_TOKEN)).status(),
                "neither Origin nor Referer");
        assertEquals(403, browser.send(browser.form("/newsroom/login", null, "token", Http.ADMIN_TOKEN)
                .header("Origin", "null")).status(), "an opaque origin");
        assertEquals(403, browser.send(browser.form("/newsroom/login", null, "token", Http.ADMIN_TOKEN)
                .header("Referer", "https://evil.example/newsroom")).status(), "a foreign Referer");
        assertEquals(403, browser.send(browser.form("/newsroom/login", null, "token", Http.ADMIN_TOKEN)
                .header("Origin", browser.origin().replace("http:", "https:"))).status(), "another scheme");
        assertEquals(303, browser.send(browser.form("/newsroom/login", null, "token", Http.ADMIN_TOKEN)
                .header("Referer", browser.origin() + "/newsroom")).status(), "this site's Referer without Origin");
        assertEquals(303, browser.send(browser.form("/newsroom/login", null, "token", Http.ADMIN_TOKEN)
                .header("Origin", "https://news.example.com")).status(), "the site's base URL");

        String session = browser.signIn();
        String csrf = NewsroomBrowser.html5(browser.get("/newsroom", session).body())
                .selectFirst("input[name=csrf]").val();
        Http.Answer logout = browser.send(browser.form("/newsroom/logout", session, "csrf", csrf)
                .header("Origin", "https://evil.example"));
        assertEquals(403, logout.status());
        assertEquals(List.of(), logout.headers().allValues("Set-Cookie"));
    }

    @Test
    void theApiTakesTheBearerTokenAndNeverTheCookie() {
        String session = browser.signIn();
        assertEquals(401, browser.get("/api/stats/feeds", session).status(), "the cookie is no API credential");
        assertEquals(401, http.send(http.request("/api/articles").header("Cookie", NewsroomSessions.COOKIE + "=" + session)
                .header("Content-Type", "application/json").header("Origin", browser.origin())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).status());
        assertEquals(200, http.getAsAdmin("/api/stats/feeds").status());
        assertEquals(200, http.getAsAdmin("/newsroom/data/stats").status(), "the charts' data take the bearer token too");
        assertEquals(401, browser.get("/newsroom/data/stats", null).status());
        assertEquals(401, http.send(http.request("/newsroom/data/stats").header("Authorization", "Bearer wrong")).status());
    }

    @Test
    void tooManyWrongTokensFromOneAddressStopItsSignInsForFifteenMinutes() {
        for (int i = 0; i < FAILURES_ALLOWED; i++) {
            assertEquals(401, browser.login("guess-" + i).status());
        }
        Http.Answer blocked = browser.login(Http.ADMIN_TOKEN);
        assertEquals(429, blocked.status(), "even the right token waits");
        assertEquals(List.of(), blocked.headers().allValues("Set-Cookie"));
        assertTrue(Long.parseLong(blocked.header("Retry-After").orElseThrow()) > 14 * 60);
        assertSignInForm(blocked);
        clock.set(clock.instant().plus(Duration.ofMinutes(15)));
        assertEquals(303, browser.login(Http.ADMIN_TOKEN).status(), "once the window is over");
    }

    @Test
    void aGuesserBehindTheProxyDoesNotLockOutTheDeskBehindIt() {
        for (int i = 0; i < FAILURES_ALLOWED; i++) {
            assertEquals(401, loginFrom("198.51.100.20", "guess-" + i).status());
        }
        Http.Answer guesser = loginFrom("198.51.100.20", Http.ADMIN_TOKEN);
        assertEquals(429, guesser.status(), "the guesser, even with the right token: " + guesser);
        assertTrue(NewsroomBrowser.html5(guesser.body()).selectFirst("[role=alert]").text().contains("Too many wrong tokens"),
                guesser.body());
        assertEquals(303, loginFrom("198.51.100.21", Http.ADMIN_TOKEN).status(), "the desk, another client of the proxy");
    }

    @Test
    void wrongTokensOnTheApiCountAgainstTheSignInOfTheSameAddress() {
        for (int i = 0; i < FAILURES_ALLOWED; i++) {
            assertEquals(403, http.send(http.request("/api/stats/feeds").header("X-Forwarded-For", "198.51.100.30")
                    .header("Authorization", "Bearer guess-" + i)).status());
        }
        Http.Answer blocked = loginFrom("198.51.100.30", Http.ADMIN_TOKEN);
        assertEquals(429, blocked.status(), "the sign-in of an address that guessed on the API: " + blocked);
        assertTrue(Long.parseLong(blocked.header("Retry-After").orElseThrow()) > 14 * 60);
        Http.Answer charts = http.send(http.request("/newsroom/data/stats").header("X-Forwarded-For", "198.51.100.30")
                .header("Authorization", "Bearer " + Http.ADMIN_TOKEN));
        assertEquals(429, charts.status(), "the charts' data by bearer token: " + charts);
    }

    private Http.Answer loginFrom(String client, String token) {
        return browser.send(browser.form("/newsroom/login", null, "token", token).header("Origin", browser.origin())
                .header("X-Forwarded-For", client));
    }

    @Test
    void onlyInstancesWithTheSameTokenAcceptEachOthersSessions() {
        try (EmbeddedServer first = instance(ROTATED); EmbeddedServer second = instance(ROTATED)) {
            NewsroomBrowser atFirst = new NewsroomBrowser(new Http(first.getURI()), first.getURI());
            NewsroomBrowser atSecond = new NewsroomBrowser(new Http(second.getURI()), second.getURI());
            assertEquals(401, atFirst.login(Http.ADMIN_TOKEN).status(), "the old token no longer signs in");
            Http.Answer in = atFirst.login(ROTATED);
            String session = NewsroomBrowser.sessionCookie(in).value();
            assertEquals(200, atSecond.get("/newsroom/data/stats", session).status(), "another instance, same token");
            assertEquals(401, browser.get("/newsroom/data/stats", session).status(), "an instance with another token");
            assertEquals(401, atFirst.get("/newsroom/data/stats", browser.signIn()).status(),
                    "a session of the old token, after the token changed");
        }
    }

    private EmbeddedServer instance(String token) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName() + "-instance"));
        properties.put("broadsheet.admin-token", token);
        properties.put("broadsheet.token-guesses.failure-delay", "10ms");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }
}
