package io.broadsheet.pages;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Errors the framework answers (no route) are pages for browsers and problem+json elsewhere; the docs page stays. */
@MicronautTest(transactional = false)
class PagesErrorsTest extends HttpTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Http.Answer asBrowser(String path) {
        return http.send(http.request(path).header("Accept", BROWSER));
    }

    @Test
    void anUnknownAddressIsAStyled404PageForABrowser() {
        Http.Answer answer = asBrowser("/no/such/page");
        assertEquals(404, answer.status());
        assertEquals("text/html;charset=utf-8", answer.header("Content-Type").orElseThrow());
        Document page = Html5.assertConforms(answer.body(), "the 404 page of an unknown address");
        assertEquals("Page not found", page.selectFirst("h1").text());
        assertEquals(PagesHomeTest.BASE + "/assets/broadsheet.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        assertTrue(answer.header("Content-Security-Policy").isPresent());
        assertTrue(answer.header("Vary").orElse("").contains("Accept"), "a page or problem+json, by Accept");
    }

    @Test
    void anUnknownAddressIsProblemJsonForOtherClients() {
        Http.Answer answer = http.get("/no/such/page");
        assertEquals(404, answer.status());
        assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow());
        assertTrue(answer.body().contains("\"status\":404"), answer.body());
        assertTrue(answer.header("Vary").orElse("").contains("Accept"), "a page or problem+json, by Accept");
    }

    @Test
    void theApiAndTheFeedsAnswerProblemJsonEvenToABrowser() {
        for (String path : List.of("/api/no-such-call", "/feeds/no-such-feed.rss", "/feeds/no/such")) {
            Http.Answer answer = http.send(http.request(path).header("Accept", BROWSER)
                    .header("Authorization", "Bearer " + Http.ADMIN_TOKEN));
            assertEquals(404, answer.status(), path);
            assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow(), path);
        }
    }

    @Test
    void theJsonFeedExtensionIsDescribedWhereItsAboutUrlPoints() {
        Http.Answer answer = asBrowser("/docs/json-feed-media");
        assertEquals(200, answer.status());
        Document page = Html5.assertConforms(answer.body(), "the JSON Feed extension docs");
        assertTrue(page.text().contains("caption") && page.text().contains("credit"));
        assertNotNull(page.selectFirst("h2#withdrawn"), "the anchor README and the feeds link to");
        assertTrue(page.select("pre").eachText().get(0).contains("\"about\": \"https://news.example.com/docs/json-feed-media\""));
        assertTrue(page.select("pre").eachText().get(1)
                .contains("\"about\": \"https://news.example.com/docs/json-feed-media#withdrawn\""));
    }
}
