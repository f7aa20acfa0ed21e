package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route that takes {@code ?page=} reads it by one grammar with one error: a malformed page is a problem+json
 * 400 naming {@code page}, a well-formed page past the last is the route's own answer.
 */
@MicronautTest(transactional = false)
class PageParameterRoutesTest extends HttpTest {

    private static final String FEED = "/feeds/paged-desk.rss";
    private static final String CATEGORY = "/categories/paged-desk";
    private static final String API = "/api/articles?category=paged-desk&";

    @BeforeAll
    void publish() {
        for (int n = 1; n <= 3; n++) {
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("paged-desk-" + n,
                    "2021-01-0" + n + "T00:00:00Z", "paged-desk"))).status());
        }
        assertEquals(200, http.get(FEED).status(), "the feed, cached: the event loop's path sees the next polls");
    }

    private static void assertPageProblem(Http.Answer answer, String what) {
        assertEquals(400, answer.status(), what + ": " + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(""), what);
        List<String> fields = new ArrayList<>();
        FeedParsers.jsonTree(answer.body()).get("errors").values()
                .forEach(e -> fields.add(e.get("field").getStringValue()));
        assertEquals(List.of("page"), fields, what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=", "page=0", "page=-1", "page=%2B1", "page=01", "page=two", "page=1.5",
            "page=99999999999", "page=1&page=1", "page=1&page=2"})
    void aMalformedPageIs400NamingPageOnEveryRoute(String query) {
        assertPageProblem(http.get(FEED + "?" + query), "feed ?" + query);
        assertPageProblem(http.get(CATEGORY + "?" + query), "category page ?" + query);
        assertPageProblem(http.getAsAdmin(API + query), "article API ?" + query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=21", "page=2147483647"})
    void aPageBeyondTheNumberedOnesIs400OnFeedsAndCategoryPages(String query) {
        Http.Answer feed = http.get(FEED + "?" + query);
        assertPageProblem(feed, "feed ?" + query);
        assertTrue(feed.body().contains("numbered pages go up to 20; deeper pages are reached through each page's"
                + " next link (?after=...)"), "expected the feed's 400 to point to the next links, got " + feed.body());
        assertPageProblem(http.get(CATEGORY + "?" + query), "category page ?" + query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=2", "page=20"})
    void aWellFormedPagePastTheLastIs404OnFeedsAndCategoryPagesAndEmptyInTheApi(String query) {
        assertEquals(404, http.get(FEED + "?" + query).status(), "feed ?" + query);
        assertEquals(404, http.get(CATEGORY + "?" + query).status(), "category page ?" + query);
        Http.Answer listing = http.getAsAdmin(API + query);
        assertEquals(200, listing.status(), "article API ?" + query + ": " + listing.body());
        JsonNode items = FeedParsers.jsonTree(listing.body()).get("items");
        assertEquals(0, items.size(), "article API ?" + query + ": " + listing.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?page=1"})
    void theFirstPageIsServedWithOrWithoutItsNumber(String query) {
        assertEquals(200, http.get(FEED + query).status(), "feed " + query);
        assertEquals(200, http.get(CATEGORY + query).status(), "category page " + query);
        Http.Answer listing = http.getAsAdmin(API + query.replace("?", ""));
        assertEquals(3, FeedParsers.jsonTree(listing.body()).get("items").size(), "article API " + query);
    }
}
