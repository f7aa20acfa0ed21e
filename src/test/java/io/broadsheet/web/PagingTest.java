package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.testing.Corpus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5005 paged feeds: a client that follows "next" from the first page collects the whole archive. */
@MicronautTest(transactional = false)
class PagingTest extends HttpTest {

    private static final String BASE = "https://news.example.com";

    @BeforeAll
    void importFiveHundredArticlesIntoOneCategory() throws IOException {
        String ndjson = Corpus.sample().ndjson();
        String archive = ndjson.lines().map(line -> line.replaceFirst("\"categories\":\\[[^\\]]*\\]", "\"categories\":[\"archive\"]"))
                .collect(Collectors.joining("\n"));
        JsonNode result = FeedParsers.jsonTree(http.importLines(archive).body());
        assertEquals(500, result.get("created").getIntValue());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void walkingEveryPageCollectsEachArticleExactlyOnce(FeedFormat format) {
        List<String> ids = new ArrayList<>();
        String url = BASE + "/feeds/archive." + format.extension();
        int pages = 0;
        while (url != null) {
            Http.Answer answer = http.get(url.substring(BASE.length()));
            assertEquals(200, answer.status(), url);
            pages++;
            ids.addAll(FeedParsers.parse(format, answer.body()).ids());
            Map<String, String> links = format == FeedFormat.NINJS ? headerLinks(answer) : links(format, answer.body());
            if (format != FeedFormat.JSON) {
                assertEquals(BASE + "/feeds/archive." + format.extension(), links.get("first"), "first link");
            }
            url = links.get("next");
        }
        assertEquals(10, pages, "500 articles at 50 a page");
        assertEquals(500, ids.size());
        assertEquals(500, new HashSet<>(ids).size(), "each article exactly once");
    }

    @Test
    void pagesLinkToFirstPreviousNextByCursorAndLast() {
        Map<String, String> first = links(FeedFormat.ATOM, http.get("/feeds/archive.atom").body());
        String next = first.remove("next");
        assertTrue(next.startsWith(BASE + "/feeds/archive.atom?after="), "a keyset next link: " + next);
        assertEquals(Map.of("self", BASE + "/feeds/archive.atom", "first", BASE + "/feeds/archive.atom",
                "last", BASE + "/feeds/archive.atom?page=10"), first);
        Map<String, String> middle = links(FeedFormat.RSS, http.get("/feeds/archive.rss?page=5").body());
        assertTrue(middle.remove("next").startsWith(BASE + "/feeds/archive.rss?after="), "a keyset next link");
        assertEquals(Map.of("self", BASE + "/feeds/archive.rss?page=5", "first", BASE + "/feeds/archive.rss",
                "previous", BASE + "/feeds/archive.rss?page=4", "last", BASE + "/feeds/archive.rss?page=10"), middle);
        Map<String, String> last = links(FeedFormat.ATOM, http.get("/feeds/archive.atom?page=10").body());
        assertNull(last.get("next"));
        assertEquals(BASE + "/feeds/archive.atom?page=9", last.get("previous"));
        JsonNode lastJson = FeedParsers.jsonTree(http.get("/feeds/archive.json?page=10").body());
        assertNull(lastJson.get("next_url"));
        assertEquals(BASE + "/feeds/archive.json", lastJson.get("feed_url").getStringValue());
    }

    @Test
    void aPagePastTheLastIs404AndAMalformedPageIs400() {
        assertEquals(404, http.get("/feeds/archive.rss?page=11").status());
        assertEquals(400, http.get("/feeds/archive.rss?page=0").status());
        assertEquals(400, http.get("/feeds/archive.rss?page=-1").status());
        Http.Answer notANumber = http.get("/feeds/archive.rss?page=two");
        assertEquals(400, notANumber.status());
        assertTrue(notANumber.body().contains("\"field\":\"page\""), notANumber.body());
    }

    /** The paging links of an answer's Link header fields: all a ninjs array has. */
    private static Map<String, String> headerLinks(Http.Answer answer) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String link : answer.headers().allValues("Link")) {
            links.put(link.substring(link.indexOf("rel=\"") + 5, link.length() - 1), link.substring(1, link.indexOf('>')));
        }
        return links;
    }

    /** The paging links of a document: atom:link in RSS, link in Atom, next_url in JSON Feed. */
    private static Map<String, String> links(FeedFormat format, String body) {
        Map<String, String> links = new LinkedHashMap<>();
        if (format == FeedFormat.JSON) {
            JsonNode next = FeedParsers.jsonTree(body).get("next_url");
            if (next != null) {
                links.put("next", next.getStringValue());
            }
            return links;
        }
        Document doc = Jsoup.parse(body, "", Parser.xmlParser());
        String selector = format == FeedFormat.RSS ? "channel > atom|link" : "feed > link";
        Set<String> paging = Set.of("self", "first", "previous", "next", "last");
        doc.select(selector).stream().filter(l -> paging.contains(l.attr("rel")))
                .forEach(l -> links.put(l.attr("rel"), l.attr("href")));
        return links;
    }
}
