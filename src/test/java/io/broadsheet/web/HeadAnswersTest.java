package io.broadsheet.web;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.RawHttp;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.RawHttp.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A HEAD answers as the GET of the same request does, on every kind of route: the same status line and header fields
 * in the same order (but the Date), Content-Length the GET body's, and no body. Each HEAD is followed by its GET on
 * the same connection, so a body sent after a HEAD's fields would be read as the GET's answer and fail it.
 */
@MicronautTest(transactional = false)
class HeadAnswersTest extends HttpTest {

    private static final String ADMIN = "Authorization: Bearer " + Http.ADMIN_TOKEN;
    private static final String BROWSER = "Accept: text/html,application/xhtml+xml,*/*;q=0.8";

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.withMutableClock("HeadAnswersTest");
    }

    @BeforeAll
    void articles() {
        clock.set(Instant.parse("2026-05-02T10:00:00Z"));
        for (int i = 0; i < 3; i++) {
            assertEquals(201, http.post("/api/articles", json(article("head-" + i, "2026-05-01T08:0" + i + ":00Z",
                    "head-desk"))).status());
        }
        assertEquals(201, http.post("/api/articles", json(article("head-gone", "2026-05-01T07:00:00Z",
                "head-desk"))).status());
        assertEquals(200, http.post("/api/articles/head-gone/withdraw", "{\"reason\": \"legal\"}").status());
        // a later second than every change: each feed's Last-Modified is sent, to HEAD and GET alike
        clock.set(Instant.parse("2026-05-02T10:00:10Z"));
        assertEquals(200, http.get("/feeds/head-desk.rss").status(), "cached: its next polls are the fast path's");
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("a cached feed, from the event loop", "/feeds/head-desk.rss", new String[]{}),
                Arguments.of("a cached feed's gzip copy", "/feeds/head-desk.rss", new String[]{"Accept-Encoding: gzip"}),
                Arguments.of("a feed from the route", "/feeds/head-desk.atom?via=route", new String[]{}),
                Arguments.of("a feed's 304", "/feeds/head-desk.rss", new String[]{"If-Modified-Since: Sat, 02 May 2026"
                        + " 10:00:05 GMT"}),
                Arguments.of("a feed's page for a browser", "/feeds/head-desk.json", new String[]{BROWSER}),
                Arguments.of("a feed's second page, past the last", "/feeds/head-desk.rss?page=2", new String[]{}),
                Arguments.of("a malformed page number", "/feeds/head-desk.rss?page=0", new String[]{}),
                Arguments.of("no such feed", "/feeds/no-such-desk.rss", new String[]{}),
                Arguments.of("the home page", "/", new String[]{BROWSER}),
                Arguments.of("a category's page", "/categories/head-desk", new String[]{BROWSER}),
                Arguments.of("an article's page", "/articles/head-1", new String[]{BROWSER}),
                Arguments.of("a withdrawn article's page", "/articles/head-gone", new String[]{BROWSER}),
                Arguments.of("no such page, for a browser", "/articles/no-such-story", new String[]{BROWSER}),
                Arguments.of("no such route, for a browser", "/no/such/route", new String[]{BROWSER}),
                Arguments.of("no such route, for a program", "/no/such/route", new String[]{"Accept: application/json"}),
                Arguments.of("the OPML list", "/feeds.opml", new String[]{}),
                Arguments.of("an article from the API", "/api/articles/head-1", new String[]{ADMIN}),
                Arguments.of("a listing from the API", "/api/articles?category=head-desk", new String[]{ADMIN}),
                Arguments.of("categories from the API", "/api/categories", new String[]{ADMIN}),
                Arguments.of("no such article in the API", "/api/articles/no-such-story", new String[]{ADMIN}),
                Arguments.of("the API without its token", "/api/articles/head-1", new String[]{}),
                Arguments.of("the API's description", "/openapi.yml", new String[]{}),
                Arguments.of("a static asset", "/assets/broadsheet.css", new String[]{}),
                Arguments.of("the sitemap index", "/sitemap.xml", new String[]{}),
                Arguments.of("a sitemap page, inflated as it is sent", "/sitemaps/articles-1.xml", new String[]{}),
                Arguments.of("the news sitemap's gzip copy", "/sitemaps/news.xml", new String[]{"Accept-Encoding: gzip"}),
                Arguments.of("no such sitemap page", "/sitemaps/articles-9.xml", new String[]{}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void aHeadAnswersAsItsGetWithoutTheBody(String what, String path, String[] headers) throws IOException {
        try (RawHttp connection = new RawHttp(server.getURI())) {
            connection.send(request("HEAD", path, headers) + request("GET", path, headers));
            RawHttp.Answer head = connection.read(true);
            RawHttp.Answer get = connection.read(false);
            assertEquals(get.statusLine(), head.statusLine(), what);
            assertEquals(get.lines("Date"), head.lines("Date"), what + ": the fields but the Date");
            if (get.status() != 304) {
                String length = get.header("Content-Length").orElseThrow(() -> new AssertionError(
                        what + ": a GET answer with its length, got " + get.lines()));
                assertEquals(Integer.toString(get.body().length), length, what + ": the GET's Content-Length");
                assertTrue(get.body().length > 0, what + ": a GET body to leave out of the HEAD");
            }
            // the connection carries on: a body after the HEAD's fields would have been read as the GET's answer
            connection.send(request("GET", path, headers));
            RawHttp.Answer again = connection.read(false);
            assertEquals(get.statusLine(), again.statusLine(), what + ": the connection after the HEAD and the GET");
            assertArrayEquals(get.body(), again.body(), what + ": the same GET body again");
        }
    }
}
