package io.broadsheet.web;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyset paging: every next link carries an {@code ?after=} cursor, so a client walking a feed sees each item once,
 * in order, even when items share a publication time and when articles are published during the walk; numbered
 * pages still answer, up to {@code broadsheet.paging.max-page} (2 here).
 */
@MicronautTest(transactional = false)
class CursorPagingTest extends HttpTest {

    private static final String BASE = "https://news.example.com";
    /** 130 articles, seven to a publication time (to the microsecond), over three pages of 50. */
    private static final int TIES = 130;
    private int late;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("CursorPagingTest"));
        properties.put("broadsheet.paging.max-page", "2");
        return properties;
    }

    @BeforeAll
    void articlesSharingPublicationTimes() {
        Instant base = Instant.parse("2026-03-01T10:00:00Z");
        String ndjson = IntStream.range(0, TIES).mapToObj(i -> json(article("tie-" + i,
                base.plusSeconds(60L * (i / 7)).plusNanos(1_000L * (i / 7)).toString(), "ties", "steady")))
                .collect(Collectors.joining("\n"));
        JsonNode result = FeedParsers.jsonTree(http.importLines(ndjson).body());
        assertEquals(TIES, result.get("created").getIntValue(), result.toString());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void walkingTheNextCursorsSeesEveryItemOnceInOrderWhileArticlesArePublished(FeedFormat format) {
        List<String> titles = new ArrayList<>();
        int publishedBefore = late;
        String url = BASE + "/feeds/ties." + format.extension();
        int pages = 0;
        while (url != null) {
            Http.Answer answer = http.get(url.substring(BASE.length()));
            assertEquals(200, answer.status(), url + ": " + answer.body());
            ParsedFeed feed = FeedParsers.parse(format, answer.body()); // each page a valid document
            feed.items().forEach(item -> titles.add(item.title()));
            // a ninjs array has no room for links: its Link header is its paging
            String next = format == FeedFormat.NINJS ? headerLinks(answer).get("next")
                    : documentLinks(format, answer.body()).get("next");
            assertEquals(next, headerLinks(answer).get("next"), "the Link header's next is the document's");
            assertTrue(next == null || next.contains("?after="), "a keyset next link: " + next);
            url = next;
            if (++pages == 1) {
                publishLate(3); // at the top of the feed, ahead of the cursor: never in the rest of the walk
            }
        }
        List<String> ties = titles.stream().filter(t -> t.startsWith("tie-")).toList();
        List<String> expected = IntStream.iterate(TIES - 1, i -> i >= 0, i -> i - 1).mapToObj(i -> "tie-" + i + "-title")
                .toList();
        assertEquals(expected, ties, "newest first, the higher id first among equal times, each once");
        assertEquals(titles.size(), new HashSet<>(titles).size(), "no item twice: " + titles);
        assertEquals(3, pages, "130 items at 50 a page");
        List<String> lates = titles.stream().filter(t -> t.startsWith("late-")).toList();
        assertTrue(lates.stream().allMatch(t -> Integer.parseInt(t.replaceAll("\\D", "")) < publishedBefore),
                "only articles published before the walk began are in it: " + lates);
    }

    @Test
    void aNumberedPageLinksOnByCursorAndMatchesTheKeysetPageItStandsFor() {
        Http.Answer first = http.get("/feeds/steady.atom");
        Map<String, String> links = documentLinks(FeedFormat.ATOM, first.body());
        assertEquals(BASE + "/feeds/steady.atom", links.get("first"));
        assertNull(links.get("last"), "page 3 is past the numbered pages (max 2): no last link");
        assertTrue(links.get("next").startsWith(BASE + "/feeds/steady.atom?after="), links.toString());
        List<String> byCursor = FeedParsers.parse(FeedFormat.ATOM,
                http.get(links.get("next").substring(BASE.length())).body()).ids();
        Http.Answer second = http.get("/feeds/steady.atom?page=2");
        assertEquals(200, second.status());
        assertEquals(byCursor, FeedParsers.parse(FeedFormat.ATOM, second.body()).ids(), "page 2 by number and by cursor");
        assertEquals(BASE + "/feeds/steady.atom", documentLinks(FeedFormat.ATOM, second.body()).get("previous"));
        Http.Answer third = http.get("/feeds/steady.atom?page=3");
        assertEquals(400, third.status(), "past the numbered pages: " + third.body());
        assertTrue(third.body().contains("\"field\":\"page\""), third.body());
        Http.Answer thirdPage = http.get("/categories/steady?page=3");
        assertEquals(400, thirdPage.status(), "HTML pages stop at the same depth, the same way: " + thirdPage.body());
        assertTrue(thirdPage.body().contains("\"field\":\"page\""), thirdPage.body());
    }

    @Test
    void aKeysetPageIsCacheableByItsEtag() {
        String next = documentLinks(FeedFormat.RSS, http.get("/feeds/steady.rss").body()).get("next");
        // Last-Modified is sent once the second of the feed's last change is over (FeedResponses.fields)
        Eventually.until("Last-Modified on the keyset page",
                () -> http.get(next.substring(BASE.length())).header("Last-Modified").isPresent());
        Http.Answer page = http.get(next.substring(BASE.length()));
        String etag = page.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + page.headers()));
        Http.Answer again = http.send(http.request(next.substring(BASE.length())).header("If-None-Match", etag));
        assertEquals(304, again.status(), "the same keyset page asked again with its ETag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1-0", "-1", "1-", "-5", "1-2-3", "99999999999999999999-1", "1.5-2", "%20",
            "1772359200000000-99999999999999999999", "999999999999999999-1"})
    void aBadCursorIs400NamingAfter(String cursor) {
        Http.Answer answer = http.get("/feeds/steady.json?after=" + cursor);
        assertEquals(400, answer.status(), cursor + ": " + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(null));
        assertTrue(answer.body().contains("\"field\":\"after\""), answer.body());
    }

    @Test
    void aCursorTogetherWithAPageIs400AndAnEmptyCursorToo() {
        Http.Answer both = http.get("/feeds/steady.json?page=2&after=1772359200000000-5");
        assertEquals(400, both.status(), both.body());
        assertTrue(both.body().contains("\"field\":\"after\""), both.body());
        assertEquals(400, http.get("/feeds/steady.json?after=").status());
    }

    @Test
    void aCursorPastTheOldestItemIsAValidEmptyPageWithoutNext() {
        Http.Answer answer = http.get("/feeds/steady.json?after=0-1");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of(), FeedParsers.parse(FeedFormat.JSON, answer.body()).ids());
        assertFalse(answer.body().contains("next_url"), answer.body());
    }

    private void publishLate(int n) {
        for (int i = 0; i < n; i++) {
            String slug = "late-" + late++;
            assertEquals(201, http.post("/api/articles", json(article(slug, Instant.now().minusSeconds(1).toString(),
                    "ties"))).status());
        }
    }

    /** The paging links of a document: atom:link in RSS, link in Atom, next_url in JSON Feed. */
    private static Map<String, String> documentLinks(FeedFormat format, String body) {
        Map<String, String> links = new HashMap<>();
        if (format == FeedFormat.JSON) {
            JsonNode next = FeedParsers.jsonTree(body).get("next_url");
            if (next != null) {
                links.put("next", next.getStringValue());
            }
            return links;
        }
        Document doc = Jsoup.parse(body, "", Parser.xmlParser());
        Set<String> paging = Set.of("first", "previous", "next", "last");
        doc.select(format == FeedFormat.RSS ? "channel > atom|link" : "feed > link").stream()
                .filter(l -> paging.contains(l.attr("rel"))).forEach(l -> links.put(l.attr("rel"), l.attr("href")));
        return links;
    }

    /** The RFC 8288 Link header's targets by relation. */
    private static Map<String, String> headerLinks(Http.Answer answer) {
        Map<String, String> links = new HashMap<>();
        for (String link : answer.headers().allValues("Link")) {
            int end = link.indexOf('>');
            links.put(link.substring(link.indexOf("rel=\"") + 5, link.length() - 1), link.substring(1, end));
        }
        return links;
    }
}
