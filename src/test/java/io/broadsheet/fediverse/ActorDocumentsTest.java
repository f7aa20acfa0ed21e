package io.broadsheet.fediverse;

import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a fediverse server reads of a feed's actor: the actor, its key, its followers and the answers to others. */
@MicronautTest(transactional = false)
class ActorDocumentsTest extends HttpTest {

    private static final String BASE = "https://news.example.com";
    private static final String ACTIVITY_JSON = "application/activity+json; charset=utf-8";

    @Value("${datasources.default.url}")
    String databaseUrl;

    @BeforeAll
    void importTheFirstFiftyStoriesAndDescribeACategory() {
        JsonNode result = FeedParsers.jsonTree(http.importLines(Corpus.sample().limit(50).ndjson()).body());
        assertEquals(50, result.get("created").getIntValue(), "imported");
        assertEquals(200, http.put("/api/categories/world", Fixtures.json(Map.of("name", "World",
                "description", "Stories from <everywhere> & beyond")), null).status());
    }

    @Test
    void actorDocumentCarriesWhatMastodonReads() {
        Http.Answer answer = activity("/fediverse/world");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(ACTIVITY_JSON, answer.header("Content-Type").orElse(""));
        assertEquals("public, max-age=300", answer.header("Cache-Control").orElse(""));
        JsonNode actor = FeedParsers.jsonTree(answer.body());
        String id = BASE + "/fediverse/world";
        assertEquals("https://www.w3.org/ns/activitystreams", actor.get("@context").get(0).getStringValue());
        assertEquals("https://w3id.org/security/v1", actor.get("@context").get(1).getStringValue());
        assertEquals(id, text(actor, "id"));
        assertEquals("Service", text(actor, "type"));
        assertEquals("world", text(actor, "preferredUsername"));
        assertEquals("Test Gazette \u2014 World", text(actor, "name"));
        assertEquals("<p>Stories from &lt;everywhere&gt; &amp; beyond</p>", text(actor, "summary"));
        assertEquals(BASE + "/categories/world", text(actor, "url"));
        assertEquals("Image", text(actor.get("icon"), "type"));
        assertEquals(BASE + "/icon.png", text(actor.get("icon"), "url"));
        assertEquals(id + "/inbox", text(actor, "inbox"));
        assertEquals(id + "/outbox", text(actor, "outbox"));
        assertEquals(id + "/followers", text(actor, "followers"));
        assertEquals(BASE + "/fediverse/inbox", text(actor.get("endpoints"), "sharedInbox"));
        assertEquals(id + "#main-key", text(actor.get("publicKey"), "id"));
        assertEquals(id, text(actor.get("publicKey"), "owner"));
        assertTrue(text(actor.get("publicKey"), "publicKeyPem").startsWith("-----BEGIN PUBLIC KEY-----\n"),
                "a PEM: " + actor.get("publicKey"));
        assertFalse(actor.get("manuallyApprovesFollowers").getBooleanValue());
        assertTrue(actor.get("discoverable").getBooleanValue());
        assertTrue(actor.get("indexable").getBooleanValue());
        assertTrue(OffsetDateTime.parse(text(actor, "published")).getYear() >= 2026, "published: " + actor.get("published"));
    }

    @Test
    void actorAnswersTheActivityStreamsProfileOfJsonLdAndAnEtag() {
        Http.Answer answer = http.send(request("/fediverse/all")
                .header("Accept", "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(ACTIVITY_JSON, answer.header("Content-Type").orElse(""));
        assertEquals("Test Gazette", text(FeedParsers.jsonTree(answer.body()), "name"));
        String etag = answer.header("ETag").orElseThrow();
        Http.Answer again = http.send(request("/fediverse/all").header("Accept", "application/activity+json")
                .header("If-None-Match", etag));
        assertEquals(304, again.status(), "If-None-Match with the ETag");
    }

    @Test
    void headOfTheActorAnswersItsFieldsWithoutTheBody() {
        Http.Answer get = activity("/fediverse/all");
        Http.Answer head = http.send(request("/fediverse/all").header("Accept", "application/activity+json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals(get.header("Content-Type"), head.header("Content-Type"));
    }

    @Test
    void browserAskingForTheActorIsSentToTheFeedsPage() {
        Http.Answer category = http.send(request("/fediverse/world")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals(303, category.status(), category.body());
        assertEquals(BASE + "/categories/world", category.header("Location").orElse(""));
        Http.Answer named = http.send(request("/fediverse/teasers").header("Accept", "text/html"));
        assertEquals(303, named.status());
        assertEquals(BASE + "/", named.header("Location").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/fediverse/partner-wire", "/fediverse/no-such-feed", "/fediverse/partner-wire/followers",
            "/fediverse/partner-wire/outbox", "/fediverse/partner-wire/outbox?page=1", "/fediverse/partner-wire/notes/1",
            "/fediverse/no-such-feed/notes/1", "/fediverse/World"})
    void partnerFeedsAndUnknownNamesHaveNoActor(String path) {
        Http.Answer answer = activity(path);
        assertEquals(404, answer.status(), path + ": " + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(""));
    }

    @Test
    void keyIsTheSameAtEveryRequest() {
        String first = text(FeedParsers.jsonTree(activity("/fediverse/europe").body()).get("publicKey"), "publicKeyPem");
        String second = text(FeedParsers.jsonTree(activity("/fediverse/europe").body()).get("publicKey"), "publicKeyPem");
        String other = text(FeedParsers.jsonTree(activity("/fediverse/world").body()).get("publicKey"), "publicKeyPem");
        assertEquals(first, second);
        assertFalse(first.equals(other), "each feed its own key");
    }

    @Test
    void followersCollectionCountsTheFeedsFollowers() throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO fediverse_follower (feed, actor, inbox, delivery_inbox, domain, followed_at)"
                        + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            for (String[] row : new String[][] {{"europe", "a"}, {"europe", "b"}, {"world", "c"}}) {
                String actor = "https://social.example.org/users/" + row[1];
                insert.setString(1, row[0]);
                insert.setString(2, actor);
                insert.setString(3, actor + "/inbox");
                insert.setString(4, "https://social.example.org/inbox");
                insert.setString(5, "social.example.org");
                insert.executeUpdate();
            }
        }
        assertEquals(2, followers("europe"));
        assertEquals(1, followers("world"));
        assertEquals(0, followers("all"), "a feed nobody follows");
    }

    private long followers(String feed) {
        Http.Answer answer = activity("/fediverse/" + feed + "/followers");
        assertEquals(200, answer.status(), answer.body());
        JsonNode collection = FeedParsers.jsonTree(answer.body());
        assertEquals("OrderedCollection", text(collection, "type"));
        assertEquals(BASE + "/fediverse/" + feed + "/followers", text(collection, "id"));
        assertNull(collection.get("orderedItems"), "no items");
        return collection.get("totalItems").getLongValue();
    }

    private Http.Answer activity(String path) {
        return http.send(request(path).header("Accept", "application/activity+json"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null ? null : value.getStringValue();
    }
}
