package io.broadsheet.web;

import io.broadsheet.feed.http.FeedFastPath;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every date in every kind of answer's header is an RFC 9110 IMF-fixdate, with the clock on the 1st of a month (where
 * Java's RFC_1123_DATE_TIME writes a one-digit day); and If-Modified-Since is read in each form RFC 9110 names.
 * Spec: https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7
 */
@MicronautTest(transactional = false)
class HttpDateFieldsTest extends HttpTest {

    /** A Tuesday, the 1st. */
    private static final Instant WRITTEN = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T09:05:03Z");
    /** The exact grammar of an IMF-fixdate (RFC 9110 5.6.7). */
    private static final Pattern IMF_FIXDATE = Pattern.compile("^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$");
    private static final DateTimeFormatter FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Pattern COOKIE_EXPIRES = Pattern.compile("(?i);\\s*Expires=([^;]*)");
    /** Any other query parameter sends a feed poll through Micronaut's route instead of the fast path. */
    private static final String VIA_ROUTER = "?via=router";

    @Inject
    MutableClock clock;

    @Inject
    FeedFastPath fast;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.withMutableClock("HttpDateFieldsTest");
    }

    @BeforeAll
    void articles() {
        clock.set(WRITTEN);
        assertEquals(201, http.post("/api/articles", json(article("dated-1", "2026-11-30T08:00:00Z", "dated"))).status());
        clock.set(NOW);
        assertEquals(200, http.get("/feeds/dated.rss").status()); // rendered and cached: the fast path's from now on
    }

    @Test
    void feedAnswersOnBothPathsCarryImfFixdates() {
        String etag = http.get("/feeds/dated.rss").header("ETag").orElseThrow();
        for (String path : List.of("/feeds/dated.rss", "/feeds/dated.rss" + VIA_ROUTER)) {
            long before = fast.answered();
            Http.Answer get = answer(path, http.request(path));
            assertEquals(200, get.status(), path);
            assertEquals(path.endsWith(VIA_ROUTER) ? before : before + 1, fast.answered(), "which path answered " + path);
            Http.Answer head = answer(path, http.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.status(), path);
            Http.Answer unchanged = answer(path, http.request(path).header("If-None-Match", etag));
            assertEquals(304, unchanged.status(), path);
            for (Http.Answer answer : List.of(get, head, unchanged)) {
                assertEquals(FIXDATE.format(NOW), answer.header("Date").orElseThrow(), "the clock's Date: " + path);
            }
            for (Http.Answer answer : List.of(get, head)) {
                assertEquals("Tue, 01 Dec 2026 09:00:00 GMT", answer.header("Last-Modified").orElseThrow(), path);
            }
        }
    }

    @Test
    void ifModifiedSinceIsReadInEveryFormHttpNames() {
        String[] forms = {
                "Tue, 01 Dec 2026 09:00:00 GMT", // IMF-fixdate
                "Tuesday, 01-Dec-26 09:00:00 GMT", // RFC 850
                "Tue Dec  1 09:00:00 2026", // asctime
                "Tue, 1 Dec 2026 09:00:00 GMT", // the one-digit day earlier versions sent
        };
        for (String path : List.of("/feeds/dated.rss", "/feeds/dated.rss" + VIA_ROUTER)) {
            for (String since : forms) {
                assertEquals(304, answer(path, http.request(path).header("If-Modified-Since", since)).status(),
                        path + " If-Modified-Since: " + since);
            }
            for (String since : List.of("Tue, 01 Dec 2026 08:59:59 GMT", "yesterday", "Mon, 01 Dec 2026 09:00:00 GMT")) {
                assertEquals(200, answer(path, http.request(path).header("If-Modified-Since", since)).status(),
                        "an earlier or invalid date is no match: " + path + " If-Modified-Since: " + since);
            }
        }
    }

    @Test
    void pagesOpmlAssetsApiErrorsAndHealthCarryImfFixdates() {
        for (String path : List.of("/", "/categories/dated", "/articles/dated-1", "/articles/no-such-article",
                "/feeds.opml", "/api/articles/dated-1", "/api/articles?page=x", "/feeds/no-such-feed.rss",
                "/no/such/path", "/health", "/health/readiness")) {
            Http.Answer answer = answer(path, http.admin(path));
            assertEquals(FIXDATE.format(NOW), answer.header("Date").orElseThrow(), "the clock's Date: " + path);
        }
        Http.Answer rejected = answer("POST /api/articles", http.admin("/api/articles")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")));
        assertEquals(400, rejected.status(), rejected.body());
        for (String asset : List.of("/assets/broadsheet.css", "/assets/broadsheet.js")) {
            Http.Answer answer = answer(asset, http.request(asset));
            assertEquals(200, answer.status(), asset);
            assertTrue(answer.header("Last-Modified").isPresent(), asset + " " + answer.headers());
            String lastModified = answer.header("Last-Modified").orElseThrow();
            assertEquals(304, answer(asset, http.request(asset).header("If-Modified-Since", lastModified)).status(),
                    asset + " If-Modified-Since: " + lastModified);
        }
    }

    @Test
    void theOpmlDatesAreImfFixdatesToo() {
        String opml = http.get("/feeds.opml").body();
        for (String element : List.of("dateCreated", "dateModified")) {
            Matcher date = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(opml);
            assertTrue(date.find(), element + " in " + opml);
            assertFixdate(element, date.group(1));
        }
    }

    @Test
    void theNewsroomsAnswersAndSessionCookieCarryImfFixdates() {
        for (String token : List.of("not-the-token", Http.ADMIN_TOKEN)) {
            String origin = server.getURI().getScheme() + "://" + server.getURI().getAuthority();
            Http.Answer answer = answer("sign-in", http.request("/newsroom/login").header("Origin", origin)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
            assertEquals(token.equals(Http.ADMIN_TOKEN) ? 303 : 401, answer.status(), answer.toString());
            assertEquals(FIXDATE.format(NOW), answer.header("Date").orElseThrow());
        }
    }

    /** Sends the request and checks every date-valued field of its answer. */
    private Http.Answer answer(String what, HttpRequest.Builder request) {
        Http.Answer answer = http.send(request);
        List<String> checked = new ArrayList<>();
        for (String name : List.of("Date", "Last-Modified", "Expires")) {
            for (String value : answer.headers().allValues(name)) {
                assertFixdate(what + " " + name, value);
                checked.add(name);
            }
        }
        assertTrue(checked.contains("Date"), "every answer has a Date: " + what + " " + answer.headers());
        for (String value : answer.headers().allValues("Retry-After")) {
            if (!value.matches("[0-9]+")) {
                assertFixdate(what + " Retry-After", value);
            }
        }
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            Matcher expires = COOKIE_EXPIRES.matcher(cookie);
            while (expires.find()) {
                assertFixdate(what + " Set-Cookie Expires", expires.group(1).strip());
            }
        }
        return answer;
    }

    /** The exact IMF-fixdate grammar, naming a real instant that it writes back the same. */
    private static void assertFixdate(String what, String value) {
        assertTrue(IMF_FIXDATE.matcher(value).matches(), what + ": expected an IMF-fixdate, was '" + value + "'");
        assertEquals(value, FIXDATE.format(Instant.from(FIXDATE.parse(value))), what + " round trip");
    }
}
