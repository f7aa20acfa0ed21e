package io.broadsheet.fediverse;

import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WebFinger and NodeInfo: how a fediverse server finds each public feed's actor, and nothing else. */
@MicronautTest(transactional = false)
class DiscoveryTest extends HttpTest {

    private static final String BASE = "https://news.example.com";

    @BeforeAll
    void importTheFirstFiftyStories() {
        JsonNode result = FeedParsers.jsonTree(http.importLines(Corpus.sample().limit(50).ndjson()).body());
        assertEquals(50, result.get("created").getIntValue(), "imported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "world", "europe-politics"})
    void webfingerFindsTheActorOfEveryKindOfPublicFeed(String feed) {
        Http.Answer answer = webfinger("acct:" + feed + "@news.example.com");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/jrd+json", answer.header("Content-Type").orElse(""));
        assertEquals("*", answer.header("Access-Control-Allow-Origin").orElse(""), "CORS");
        assertEquals("public, max-age=300", answer.header("Cache-Control").orElse(""));
        JsonNode jrd = FeedParsers.jsonTree(answer.body());
        assertEquals("acct:" + feed + "@news.example.com", jrd.get("subject").getStringValue());
        String actor = BASE + "/fediverse/" + feed;
        String page = feed.equals("world") ? BASE + "/categories/world" : BASE + "/";
        assertEquals(List.of(actor, page), strings(jrd.get("aliases")));
        JsonNode self = jrd.get("links").get(0);
        assertEquals("self", self.get("rel").getStringValue());
        assertEquals("application/activity+json", self.get("type").getStringValue());
        assertEquals(actor, self.get("href").getStringValue());
        JsonNode profile = jrd.get("links").get(1);
        assertEquals("http://webfinger.net/rel/profile-page", profile.get("rel").getStringValue());
        assertEquals(page, profile.get("href").getStringValue());
    }

    @Test
    void webfingerTakesTheActorUrlAndTheHostInAnyCase() {
        assertEquals("acct:world@news.example.com", subject(webfinger("acct:world@NEWS.Example.COM")));
        assertEquals("acct:world@news.example.com", subject(webfinger(BASE + "/fediverse/world")));
        assertEquals("acct:all@news.example.com", subject(webfinger("HTTPS://News.Example.Com/fediverse/all")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acct:partner-wire@news.example.com", "acct:no-such-feed@news.example.com",
            "acct:world@elsewhere.example.org", "acct:world@news.example.com:8443", "https://elsewhere.example.org/fediverse/world",
            "https://news.example.com/fediverse/partner-wire", "https://news.example.com/feeds/world.rss",
            "acct:World@news.example.com"})
    void webfingerAnswers404ForAnythingButAPublicFeedOfThisHost(String resource) {
        Http.Answer answer = webfinger(resource);
        assertEquals(404, answer.status(), resource + ": " + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "world", "acct:world", "acct:@news.example.com", "acct:world@", "mailto:world@news.example.com",
            "https://news.example.com/fediverse/wo rld"})
    void webfingerRefusesAMissingOrMalformedResourceNamingIt(String resource) {
        Http.Answer answer = webfinger(resource);
        assertEquals(400, answer.status(), "'" + resource + "': " + answer.body());
        assertEquals("resource", FeedParsers.jsonTree(answer.body()).get("errors").get(0).get("field").getStringValue());
    }

    @Test
    void webfingerWithoutAResourceIs400NamingIt() {
        Http.Answer answer = http.get("/.well-known/webfinger");
        assertEquals(400, answer.status(), answer.body());
        assertEquals("resource", FeedParsers.jsonTree(answer.body()).get("errors").get(0).get("field").getStringValue());
    }

    @Test
    void webfingerRefusesAnOverlongResource() {
        Http.Answer answer = webfinger("acct:" + "a".repeat(2000) + "@news.example.com");
        assertEquals(400, answer.status(), answer.body());
    }

    @Test
    void nodeinfoIsLinkedFromItsWellKnownAddressAndDescribesTheServer() {
        Http.Answer links = http.get("/.well-known/nodeinfo");
        assertEquals(200, links.status(), links.body());
        assertEquals("*", links.header("Access-Control-Allow-Origin").orElse(""));
        JsonNode link = FeedParsers.jsonTree(links.body()).get("links").get(0);
        assertEquals("http://nodeinfo.diaspora.software/ns/schema/2.1", link.get("rel").getStringValue());
        assertEquals(BASE + "/nodeinfo/2.1", link.get("href").getStringValue());

        Http.Answer answer = http.get("/nodeinfo/2.1");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"",
                answer.header("Content-Type").orElse(""));
        assertEquals("public, max-age=300", answer.header("Cache-Control").orElse(""));
        JsonNode info = FeedParsers.jsonTree(answer.body());
        assertEquals("2.1", info.get("version").getStringValue());
        assertEquals("broadsheet", info.get("software").get("name").getStringValue());
        assertTrue(info.get("software").get("version").getStringValue().matches("\\d+\\.\\d+\\.\\d+.*"),
                "a version: " + info.get("software"));
        assertEquals(List.of("activitypub"), strings(info.get("protocols")));
        assertEquals(List.of("rss2.0", "atom1.0"), strings(info.get("services").get("outbound")));
        assertEquals(List.of(), strings(info.get("services").get("inbound")));
        assertEquals(false, info.get("openRegistrations").getBooleanValue());
        assertEquals(publicFeeds(), info.get("usage").get("users").get("total").getIntValue(), "one user per public feed");
        assertEquals(50, info.get("usage").get("localPosts").getIntValue(), "the visible articles");
        assertEquals("Test Gazette", info.get("metadata").get("nodeName").getStringValue());
    }

    /** The feeds the OPML list offers: every public feed. */
    private int publicFeeds() {
        String opml = http.get("/feeds.opml").body();
        return opml.split("type=\"rss\"", -1).length - 1;
    }

    private Http.Answer webfinger(String resource) {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve("/.well-known/webfinger?resource="
                + URLEncoder.encode(resource, StandardCharsets.UTF_8))).GET());
    }

    private static String subject(Http.Answer answer) {
        assertEquals(200, answer.status(), answer.body());
        return FeedParsers.jsonTree(answer.body()).get("subject").getStringValue();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(array.get(i).getStringValue());
        }
        return values;
    }
}
