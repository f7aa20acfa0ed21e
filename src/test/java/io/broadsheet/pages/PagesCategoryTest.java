package io.broadsheet.pages;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A category's page: its live stories newest first, twenty a page, linked to the pages before and after. */
@MicronautTest(transactional = false)
class PagesCategoryTest extends HttpTest {

    private static final String BASE = PagesHomeTest.BASE;
    private static final String PAGED = BASE + "/categories/paged";
    private static final int STORIES = 45;

    @BeforeAll
    void publish() {
        assertEquals(201, http.put("/api/categories/paged",
                "{\"name\": \"Paged desk\", \"description\": \"paged-description\"}", null).status());
        for (int n = 1; n <= STORIES; n++) {
            String published = Instant.parse("2021-01-01T00:00:00Z").plusSeconds(3600L * n).toString();
            http.post("/api/articles", Fixtures.json(Fixtures.article(String.format("paged-%02d", n), published, "paged")));
        }
        // newer than all of them, but never shown: one embargoed, one withdrawn
        http.post("/api/articles", Fixtures.json(Fixtures.article("paged-later", "2099-01-01T00:00:00Z", "paged")));
        http.post("/api/articles", Fixtures.json(Fixtures.article("paged-gone", "2021-12-31T00:00:00Z", "paged")));
        assertEquals(200, http.post("/api/articles/paged-gone/withdraw", "{\"reason\": \"legal\"}").status());
        http.post("/api/articles", Fixtures.json(Fixtures.article("secret-1", "2099-01-01T00:00:00Z", "secret-desk")));
        http.post("/api/articles", Fixtures.json(Fixtures.article("emptied-1", "2021-01-01T00:00:00Z", "emptied")));
        assertEquals(204, http.delete("/api/articles/emptied-1").status());
    }

    private Document page(String query) {
        Http.Answer answer = http.get("/categories/paged" + query);
        assertEquals(200, answer.status(), query);
        return Html5.assertConforms(answer.body(), "page '" + query + "' of a category");
    }

    private static List<String> titles(Document page) {
        return page.select("section.latest article.story h3 a").eachText();
    }

    private static List<String> expected(int newest, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("paged-%02d-title", newest - i)).toList();
    }

    @Test
    void firstPageShowsTheTwentyNewestItsDescriptionAndItsFeeds() {
        Document first = page("");
        assertEquals("Paged desk", first.selectFirst("h1").text());
        assertEquals("paged-description", first.selectFirst("p.lede").text());
        assertEquals(expected(STORIES, PageController.PER_PAGE), titles(first));
        List<String> feeds = List.of(BASE + "/feeds/paged.rss", BASE + "/feeds/paged.atom", BASE + "/feeds/paged.json");
        assertEquals(feeds, first.select("head link[rel=alternate]:not([type=application/activity+json])").eachAttr("href"),
                "discovery links");
        assertEquals(List.of(BASE + "/fediverse/paged"),
                first.select("head link[rel=alternate][type=application/activity+json]").eachAttr("href"), "the actor");
        assertEquals(feeds, first.select("main p.formats a").eachAttr("href"), "links in three formats");
        assertEquals(PAGED, first.selectFirst("link[rel=canonical]").attr("href"));
        assertNull(first.selectFirst("link[rel=prev]"));
        assertEquals(PAGED + "?page=2", first.selectFirst("head link[rel=next]").attr("href"));
        assertEquals(PAGED + "?page=2", first.selectFirst("nav.pager a[rel=next]").attr("href"));
        assertEquals("https://news.example.com/articles/paged-45", first.selectFirst("article.story h3 a").attr("href"));
    }

    @Test
    void middlePageLinksBothWaysAndTheFirstPageByItsOwnAddress() {
        Document second = page("?page=2");
        assertEquals(expected(STORIES - 20, PageController.PER_PAGE), titles(second));
        assertEquals(PAGED, second.selectFirst("head link[rel=prev]").attr("href"));
        assertEquals(PAGED, second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals(PAGED + "?page=3", second.selectFirst("head link[rel=next]").attr("href"));
        assertEquals(PAGED + "?page=2", second.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void lastPageHoldsTheRestAndNoNextLink() {
        Document third = page("?page=3");
        assertEquals(expected(5, 5), titles(third));
        assertEquals(PAGED + "?page=2", third.selectFirst("head link[rel=prev]").attr("href"));
        assertNull(third.selectFirst("link[rel=next]"));
        assertNull(third.selectFirst("a[rel=next]"));
    }

    @Test
    void embargoedAndWithdrawnStoriesNeverShow() {
        List<String> all = new ArrayList<>();
        for (String query : List.of("", "?page=2", "?page=3")) {
            all.addAll(titles(page(query)));
        }
        assertEquals(expected(STORIES, STORIES), all, "every live story once, newest first, and nothing else");
    }

    @Test
    void pagesThatDoNotExistAreStyled404Pages() {
        for (String path : List.of("/categories/paged?page=4", "/categories/no-such-desk", "/categories/secret-desk")) {
            Http.Answer answer = http.get(path);
            assertEquals(404, answer.status(), path);
            assertEquals("text/html;charset=utf-8", answer.header("Content-Type").orElseThrow(), path);
            Document page = Html5.assertConforms(answer.body(), "the 404 page of " + path);
            assertEquals(BASE + "/assets/broadsheet.css", page.selectFirst("link[rel=stylesheet]").attr("href"), path);
            assertEquals("Page not found", page.selectFirst("h1").text(), path);
            assertTrue(page.body().text().contains("There is no page at this address"), path);
        }
    }

    @Test
    void anEmptyCategoryHasItsFirstPage() {
        Http.Answer answer = http.get("/categories/emptied");
        assertEquals(200, answer.status());
        Document page = Html5.assertConforms(answer.body(), "an empty category");
        assertTrue(page.select("article.story").isEmpty());
        assertNotNull(page.selectFirst("head link[rel=alternate][href=" + BASE + "/feeds/emptied.rss]"));
        assertEquals(404, http.get("/categories/emptied?page=2").status());
    }
}
