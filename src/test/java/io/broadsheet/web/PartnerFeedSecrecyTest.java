package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A partner feed asked for without a key that grants it answers exactly as a name no feed has. */
@MicronautTest(transactional = false)
class PartnerFeedSecrecyTest extends HttpTest {

    private static final String PARTNER = "partner-wire";
    /** As long as {@link #PARTNER}, so that even the lengths of the two answers are the same. */
    private static final String UNKNOWN = "partner-wirx";
    private static final List<String> QUERIES = List.of("", "?page=1", "?page=2", "?page=0", "?page=x",
            "?key=bsk_guess", "?KEY=bsk_guess&page=3");

    private String sportsKey;

    @BeforeAll
    void publish() {
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("secret1", "2022-03-17T09:42:00Z",
                "world"))).status());
        sportsKey = FeedParsers.jsonTree(http.post("/api/partners", Fixtures.json(Map.of("name", "Sports only",
                "feeds", List.of("partner-sports")))).body()).get("key").getStringValue();
        String wireKey = FeedParsers.jsonTree(http.post("/api/partners", Fixtures.json(Map.of("name", "Wire",
                "feeds", List.of(PARTNER)))).body()).get("key").getStringValue();
        assertEquals(200, http.get("/feeds/" + PARTNER + ".rss?key=" + wireKey).status(), "cached for key holders");
    }

    /** Status, every header but Date, and the body with the feed's name replaced. */
    private String seen(String method, String path, String authorization, String name) {
        HttpRequest.Builder request = http.request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Http.Answer answer = http.send(request);
        Map<String, List<String>> headers = new TreeMap<>(answer.headers().map());
        headers.remove("date");
        return answer.status() + " " + headers + "\n" + answer.body().replace(name, "{name}");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void aPartnerFeedWithoutAGrantingKeyAnswersAsAnUnknownFeedInEveryWay(FeedFormat format) {
        for (String method : List.of("GET", "HEAD")) {
            for (String query : QUERIES) {
                for (String authorization : new String[] {null, "Bearer bsk_guess", "Bearer " + sportsKey,
                        "Bearer " + Http.ADMIN_TOKEN}) {
                    String file = "." + format.extension() + query;
                    String unknown = seen(method, "/feeds/" + UNKNOWN + file, authorization, UNKNOWN);
                    String partner = seen(method, "/feeds/" + PARTNER + file, authorization, PARTNER);
                    assertEquals(unknown, partner, method + " " + file + " with " + authorization
                            + ": expected the unknown feed's answer, got the partner feed's");
                }
            }
        }
    }

    @Test
    void aKeyForAnotherPartnerFeedGetsTheUnknownFeedsAnswer() {
        String unknown = seen("GET", "/feeds/" + UNKNOWN + ".json?key=" + sportsKey, null, UNKNOWN);
        String partner = seen("GET", "/feeds/" + PARTNER + ".json?key=" + sportsKey, null, PARTNER);
        assertEquals(unknown, partner);
        assertEquals(404, http.get("/feeds/" + PARTNER + ".json?key=" + sportsKey).status());
    }

    @Test
    void refusedPartnerFeedsGetNoLabelOfTheirOwnInTheMetrics() {
        for (int i = 0; i < 3; i++) {
            assertEquals(404, http.get("/feeds/partner-sports.rss").status());
        }
        String scrape = http.getAsAdmin("/metrics").body();
        assertFalse(scrape.contains("feed=\"partner-sports\""), "a refused partner feed got a label: "
                + scrape.lines().filter(l -> l.contains("partner-sports")).toList());
    }

    @Test
    void partnerFeedsAreNamedInNoPublicListing() {
        for (String path : List.of("/", "/feeds.opml", "/sitemap.xml", "/robots.txt", "/feeds/all.rss",
                "/feeds/all.atom", "/feeds/all.json", "/feeds/world.rss", "/openapi.yml")) {
            Http.Answer answer = http.get(path);
            assertFalse(answer.body().contains("partner-"), path + " (" + answer.status() + ") names a partner feed");
        }
    }
}
