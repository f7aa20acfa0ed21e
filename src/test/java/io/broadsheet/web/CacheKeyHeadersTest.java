package io.broadsheet.web;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every public feed answer names its cache keys for Fastly (Surrogate-Key) and Cloudflare (Cache-Tag). */
@MicronautTest(transactional = false)
class CacheKeyHeadersTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";

    @BeforeAll
    void publish() {
        http.post("/api/articles", Fixtures.json(Fixtures.article("keys-world", WHEN, "world")));
        http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("keys-kosovo", WHEN, "world", "europe"),
                "tags", List.of("Kosovo", "NATO"))));
        for (int i = 1; i <= 5; i++) {
            http.post("/api/articles", Fixtures.json(Fixtures.article("keys-paged-" + i, WHEN, "paged")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "all,             feed:all feeds",
            "world,           feed:world category:world feeds",
            "europe-politics, feed:europe-politics category:europe category:politics feeds",
            "nato-world,      feed:nato-world category:world feeds",
            "teasers,         feed:teasers feeds",
            "tagged-kosovo,   feed:tagged-kosovo feeds"})
    void everyFormatOfAFeedNamesTheFeedItsCategoriesAndEveryFeed(String feed, String keys) {
        for (String extension : List.of("rss", "atom", "json", "ninjs")) {
            assertKeys(keys, http.get("/feeds/" + feed + "." + extension), feed + "." + extension);
        }
    }

    @Test
    void notModifiedHeadGzipAndLaterPageAnswersNameTheSameKeys() {
        String keys = "feed:world category:world feeds";
        Http.Answer first = http.get("/feeds/world.atom");
        String etag = first.header("ETag").orElseThrow();
        Http.Answer notModified = http.send(http.request("/feeds/world.atom").header("If-None-Match", etag));
        assertEquals(304, notModified.status());
        assertKeys(keys, notModified, "304");
        Http.Answer head = http.send(http.request("/feeds/world.atom").method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status());
        assertKeys(keys, head, "HEAD");
        assertKeys(keys, http.send(http.request("/feeds/world.atom").header("Accept-Encoding", "gzip")), "gzip");
        Http.Answer secondPage = http.get("/feeds/teasers.rss?page=2");
        assertEquals(200, secondPage.status());
        assertKeys("feed:teasers feeds", secondPage, "page 2");
    }

    @Test
    void aDeltaNamesTheKeysOfItsFeed() {
        String before = http.get("/feeds/europe.json").header("ETag").orElseThrow();
        http.post("/api/articles", Fixtures.json(Fixtures.article("keys-delta", WHEN, "europe")));
        Http.Answer delta = http.send(http.request("/feeds/europe.json").header("A-IM", "feed").header("If-None-Match", before));
        assertEquals(226, delta.status());
        assertKeys("feed:europe category:europe feeds", delta, "226");
    }

    @Test
    void partnerFeedsAreKeptPrivateAndNameNoKeys() {
        String key = jsonTree(http.post("/api/partners", Fixtures.json(Map.of("name", "keys", "feeds", List.of("partner-wire"))))
                .body()).get("key").getStringValue();
        Http.Answer answer = http.get("/feeds/partner-wire.rss?key=" + key);
        assertEquals(200, answer.status());
        assertTrue(answer.header("Cache-Control").orElseThrow().startsWith("private"));
        assertEquals(List.of(), answer.headers().allValues("Surrogate-Key"));
        assertEquals(List.of(), answer.headers().allValues("Cache-Tag"));
    }

    private static void assertKeys(String spaceSeparated, Http.Answer answer, String what) {
        assertEquals(List.of(spaceSeparated), answer.headers().allValues("Surrogate-Key"), "Surrogate-Key of " + what);
        assertEquals(List.of(spaceSeparated.replace(' ', ',')), answer.headers().allValues("Cache-Tag"), "Cache-Tag of " + what);
    }
}
