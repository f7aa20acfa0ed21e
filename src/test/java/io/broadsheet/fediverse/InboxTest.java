package io.broadsheet.fediverse;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestFollower;
import io.broadsheet.web.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inboxes against a follower simulated on loopback ({@link TestFollower}): its server serves each actor's
 * document and key, its actors sign what they send. The service runs with allow-private-addresses (the follower is
 * on 127.0.0.1), localhost blocked in feeds-config, inbox bodies up to 4 KiB and one key fetch at a time.
 */
@MicronautTest(transactional = false)
class InboxTest extends HttpTest {

    static final String BASE = "https://news.example.com";
    private static final int MAX_BYTES = 4096;
    private final TestFollower follower = new TestFollower();

    @Inject
    Followers followers;

    @Inject
    MutableClock clock;

    @Inject
    RemoteActors remoteActors;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("InboxTest"));
        properties.put("broadsheet.config-dir", configBlocking("localhost").toString());
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        properties.put("broadsheet.fediverse.inbox-max-bytes", Integer.toString(MAX_BYTES));
        properties.put("broadsheet.fediverse.fetch-concurrency", "1");
        properties.put("broadsheet.test.mutable-clock", "true");
        return properties;
    }

    /** The test suite's feeds-config with {@code fediverse.blocked-domains: [domain]}. */
    static Path configBlocking(String domain) {
        try {
            Path dir = Files.createDirectories(Path.of("target/test-data/InboxTest-config-" + UUID.randomUUID()));
            String yaml = Files.readString(Path.of("src/test/resources/test-feeds-config/broadsheet.yml"))
                    + "\nfediverse:\n  blocked-domains: [" + domain + "]\n";
            Files.writeString(dir.resolve("broadsheet.yml"), yaml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void aCategory() {
        clock.set(Instant.now());
        Http.Answer created = http.post("/api/articles", Fixtures.json(Fixtures.article("inbox-1", "2022-03-17T09:42:00Z", "world")));
        assertEquals(201, created.status(), "the article that makes the category world: " + created);
    }

    @AfterAll
    void stop() {
        follower.close();
    }

    @Test
    void aSignedFollowIsStoredAnswered202AndItsAcceptQueuedForTheFollowersInbox() throws SQLException {
        TestFollower.Actor alice = follower.actor("alice");
        String follow = follow(alice, "/fediverse/world", "https://follower.example/follows/alice-1");
        Http.Answer answer = post("/fediverse/world/inbox", alice, follow);
        assertEquals(202, answer.status(), "a signed Follow of world: " + answer);
        assertEquals(1, followers.count("world"), "followers of world after alice's Follow");
        List<String[]> accepts = accepts(alice.inbox());
        assertEquals(1, accepts.size(), "Accepts queued for alice's own inbox");
        JsonNode accept = FeedParsers.jsonTree(accepts.get(0)[1]);
        assertEquals("Accept", accept.get("type").getStringValue());
        assertEquals(BASE + "/fediverse/world", accept.get("actor").getStringValue());
        assertEquals(alice.id(), accept.get("object").get("actor").getStringValue(), "the Follow embedded as received");
        assertEquals(accepts.get(0)[0], accept.get("id").getStringValue(), "the activity row's id is the Accept's");
        String metrics = http.getAsAdmin("/metrics").body();
        assertTrue(metrics.contains("broadsheet_fediverse_inbox_total{outcome=\"accepted\",type=\"Follow\"}"),
                "the Follow counted: " + metrics.lines().filter(l -> l.contains("fediverse")).toList());
    }

    @Test
    void aRepeatedFollowKeepsOneFollowerAndQueuesANewAccept() throws SQLException {
        TestFollower.Actor bob = follower.actor("bob");
        assertEquals(202, post("/fediverse/teasers/inbox", bob, follow(bob, "/fediverse/teasers", "https://f.example/1")).status());
        Instant first = followers.firstFollowedAt("teasers").orElseThrow();
        assertEquals(202, post("/fediverse/teasers/inbox", bob, follow(bob, "/fediverse/teasers", "https://f.example/2")).status());
        assertEquals(1, followers.count("teasers"), "one follower after two Follows");
        assertEquals(first, followers.firstFollowedAt("teasers").orElseThrow(), "it keeps when it first followed");
        assertEquals(2, accepts(bob.inbox()).size(), "an Accept for each Follow");
    }

    @Test
    void anUndoOfTheFollowByItsIdOrEmbeddedRemovesTheFollower() {
        TestFollower.Actor carol = follower.actor("carol");
        String follow = follow(carol, "/fediverse/nato-world", "https://f.example/carol-follow");
        assertEquals(202, post("/fediverse/nato-world/inbox", carol, follow).status());
        assertEquals(1, followers.count("nato-world"));
        assertEquals(202, post("/fediverse/inbox", carol, undo(carol, "\"https://f.example/carol-follow\"")).status());
        assertEquals(0, followers.count("nato-world"), "after an Undo naming the Follow's id");
        assertEquals(202, post("/fediverse/nato-world/inbox", carol, follow).status());
        assertEquals(202, post("/fediverse/nato-world/inbox", carol, undo(carol, follow)).status());
        assertEquals(0, followers.count("nato-world"), "after an Undo embedding the Follow");
    }

    @Test
    void aDeleteOfTheActorRemovesItFromEveryFeed() {
        TestFollower.Actor dave = follower.actor("dave");
        assertEquals(202, post("/fediverse/inbox", dave, follow(dave, "/fediverse/europe-politics", "https://f.example/d1")).status());
        assertEquals(202, post("/fediverse/inbox", dave, follow(dave, "/fediverse/tagged-kosovo", "https://f.example/d2")).status());
        assertEquals(List.of(1L, 1L), List.of(followers.count("europe-politics"), followers.count("tagged-kosovo")));
        assertEquals(202, post("/fediverse/inbox", dave, selfDelete(dave)).status());
        assertEquals(List.of(0L, 0L), List.of(followers.count("europe-politics"), followers.count("tagged-kosovo")),
                "dave's follows of europe-politics and tagged-kosovo after the Delete of his account");
    }

    @Test
    void anUnsignedFollowIs401AndStoresNothing() {
        TestFollower.Actor erin = follower.actor("erin");
        Http.Answer answer = http.send(http.request("/fediverse/all/inbox").header("Content-Type", "application/activity+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(follow(erin, "/fediverse/all", "https://f.example/e"))));
        assertProblem(401, answer, "cannot be verified");
        assertEquals(List.of(), followedBy(erin.id()), "feeds erin follows");
    }

    @Test
    void aSignatureByAnotherKeyAChangedBodyOrAStaleDateIs401AndStoresNothing() {
        TestFollower.Actor frank = follower.actor("frank");
        String follow = follow(frank, "/fediverse/all", "https://f.example/frank");
        URI inbox = target("/fediverse/all/inbox");
        Http.Answer otherKey = http.send(frank.signedPost(inbox, follow, clock.instant(), frank.keyId(),
                TestFollower.newKeys().getPrivate()));
        assertProblem(401, otherKey, "cannot be verified");
        java.net.http.HttpRequest signed = frank.signedPost(inbox, follow, clock.instant()).build();
        Http.Answer changed = http.send(java.net.http.HttpRequest.newBuilder(signed, (n, v) -> true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(follow.replace("frank\"", "frank2\""))));
        assertProblem(401, changed, "cannot be verified");
        Http.Answer stale = http.send(frank.signedPost(inbox, follow, clock.instant().minus(Duration.ofHours(13))));
        assertProblem(401, stale, "cannot be verified");
        assertEquals(List.of(), followedBy(frank.id()), "feeds frank follows");
    }

    @Test
    void aSignerThatIsNotTheActorIs403() {
        TestFollower.Actor grace = follower.actor("grace");
        TestFollower.Actor heidi = follower.actor("heidi");
        Http.Answer answer = post("/fediverse/all/inbox", heidi, follow(grace, "/fediverse/all", "https://f.example/g"));
        assertProblem(403, answer, "signed by " + heidi.id());
        assertEquals(List.of(), followedBy(grace.id()), "feeds grace follows");
    }

    @Test
    void aFollowFromABlockedDomainIs403AndNothingIsFetchedOrStored() {
        TestFollower.Actor mallory = follower.actor("mallory", follower.base().replace("127.0.0.1", "localhost"));
        int fetches = follower.fetches();
        Http.Answer answer = post("/fediverse/all/inbox", mallory, follow(mallory, "/fediverse/all", "https://f.example/m"));
        assertProblem(403, answer, "localhost is blocked");
        assertEquals(fetches, follower.fetches(), "actor documents fetched for the blocked sender");
        assertEquals(List.of(), followedBy(mallory.id()), "feeds mallory follows");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        TestFollower.Actor ivan = follower.actor("ivan");
        String big = follow(ivan, "/fediverse/all", "https://f.example/" + "i".repeat(MAX_BYTES));
        assertProblem(413, post("/fediverse/all/inbox", ivan, big), "at most " + MAX_BYTES);
        assertEquals(List.of(), followedBy(ivan.id()), "feeds ivan follows");
    }

    @Test
    void aBodyThatIsNotJsonIs400NamingTheBody() {
        TestFollower.Actor judy = follower.actor("judy");
        Http.Answer answer = post("/fediverse/all/inbox", judy, "Follow me, please");
        assertEquals(400, answer.status(), answer.toString());
        JsonNode error = FeedParsers.jsonTree(answer.body()).get("errors").get(0);
        assertEquals("body", error.get("field").getStringValue(), answer.body());
        assertTrue(error.get("message").getStringValue().startsWith("is not JSON"), answer.body());
    }

    @Test
    void aFollowOfAPartnerFeedIs404AtItsInboxAndAtTheSharedOne() {
        TestFollower.Actor kim = follower.actor("kim");
        String follow = follow(kim, "/fediverse/partner-wire", "https://f.example/k");
        assertProblem(404, post("/fediverse/partner-wire/inbox", kim, follow), "No feed actor is named 'partner-wire'");
        assertProblem(404, post("/fediverse/inbox", kim, follow), "is no feed actor of this site");
        assertEquals(List.of(), followedBy(kim.id()), "feeds kim follows");
    }

    @Test
    void aRequestWhileEveryKeyFetchIsTakenIs503WithRetryAfter() throws Exception {
        TestFollower.Actor leo = follower.actor("leo");
        TestFollower.Actor mia = follower.actor("mia");
        follower.hold();
        int before = follower.fetches();
        java.util.concurrent.CompletableFuture<Http.Answer> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> post("/fediverse/all/inbox", leo, follow(leo, "/fediverse/all", "https://f.example/leo")));
        try {
            io.broadsheet.testing.Eventually.until("the fetch of leo's key reaching the follower's server",
                    () -> follower.fetches() > before);
            Http.Answer busy = post("/fediverse/all/inbox", mia, follow(mia, "/fediverse/all", "https://f.example/mia"));
            assertProblem(503, busy, "try again");
            assertEquals("5", busy.header("Retry-After").orElse(null), "Retry-After of " + busy);
        } finally {
            follower.release();
        }
        assertEquals(202, first.get().status(), "leo's Follow once its key arrived");
        assertEquals(List.of(), followedBy(mia.id()), "feeds mia follows");
    }

    @Test
    void aRotatedKeyIsFetchedAgainOnlyOnceTheCachedOneIsTenMinutesOld() {
        TestFollower.Actor rita = follower.actor("rita");
        assertEquals(202, post("/fediverse/inbox", rita, follow(rita, "/fediverse/teasers", "https://f.example/r1")).status());
        TestFollower.Actor rotated = follower.rotate("rita");
        int fetches = follower.fetches();
        String undo = undo(rotated, "\"https://f.example/r1\"");
        assertProblem(401, post("/fediverse/inbox", rotated, undo), "cannot be verified");
        assertEquals(fetches, follower.fetches(), "fetches of rita's key while the cached one is fresh");
        clock.set(clock.instant().plus(RemoteActors.ROTATION_AGE));
        Http.Answer answer = http.send(rotated.signedPost(target("/fediverse/inbox"), undo, clock.instant()));
        assertEquals(202, answer.status(), "signed with the new key, 10 minutes on: " + answer);
        assertEquals(fetches + 1, follower.fetches(), "fetches of rita's key");
        assertEquals(List.of(), followedBy(rita.id()), "feeds rita follows after her Undo");
    }

    @Test
    void aFollowSignedWithRfc9421IsStored() throws Exception {
        TestFollower.Actor nina = follower.actor("nina");
        String follow = follow(nina, "/fediverse/teasers", "https://f.example/nina-9421");
        Http.Answer answer = http.send(nina.rfc9421Post(target("/fediverse/teasers/inbox"), follow, clock.instant()));
        assertEquals(202, answer.status(), "a Follow signed with RFC 9421: " + answer);
        assertEquals(List.of("teasers"), followedBy(nina.id()), "feeds nina follows");
    }

    @Test
    void aDeliveryAskingForActivityJsonIsAcceptedAsAnyOther() {
        TestFollower.Actor olga = follower.actor("olga");
        String follow = follow(olga, "/fediverse/all", "https://f.example/olga-accept");
        Http.Answer answer = http.send(olga.signedPost(target("/fediverse/all/inbox"), follow, clock.instant())
                .header("Accept", "application/activity+json"));
        assertEquals(202, answer.status(), "Accept: application/activity+json, as Broadsheet itself delivers: " + answer);
        assertEquals(List.of("all"), followedBy(olga.id()), "feeds olga follows");
    }

    @Test
    void aKeyDocumentUploadedToTheServerClaimingAnotherActorIs401AndStoresNothing() {
        TestFollower.Actor victor = follower.actor("victor");
        java.security.KeyPair forger = TestFollower.newKeys();
        String keyId = follower.base() + "/media/x.json#key";
        follower.serve("/media/x.json", TestFollower.document(victor.id(), victor.inbox(), victor.sharedInbox(), keyId,
                forger));
        Http.Answer answer = http.send(victor.signedPost(target("/fediverse/all/inbox"),
                follow(victor, "/fediverse/all", "https://f.example/victor"), clock.instant(), keyId, forger.getPrivate()));
        assertProblem(401, answer, "publishes no publicKey with the id " + keyId);
        assertEquals(List.of(), followedBy(victor.id()), "feeds victor follows after a Follow signed by the forger");
    }

    @Test
    void aKeyIdThatRedirectsToADocumentClaimingAnotherActorIs401AndStoresNothing() {
        TestFollower.Actor wendy = follower.actor("wendy");
        java.security.KeyPair forger = TestFollower.newKeys();
        String keyId = follower.base() + "/go/wendy#main-key";
        follower.redirect("/go/wendy", "/media/y.json");
        follower.serve("/media/y.json", TestFollower.document(wendy.id(), wendy.inbox(), wendy.sharedInbox(), keyId,
                forger));
        Http.Answer answer = http.send(wendy.signedPost(target("/fediverse/all/inbox"),
                follow(wendy, "/fediverse/all", "https://f.example/wendy"), clock.instant(), keyId, forger.getPrivate()));
        assertProblem(401, answer, "answered 302");
        assertEquals(List.of(), followedBy(wendy.id()), "feeds wendy follows after a Follow signed through a redirect");
    }

    @Test
    void aKeyPublishedAtAnotherUrlIsAcceptedWhenTheActorsOwnDocumentPublishesIt() {
        java.security.KeyPair keys = TestFollower.newKeys();
        String id = follower.base() + "/people/zed";
        String keyId = follower.base() + "/keys/zed#key";
        follower.serve("/keys/zed", TestFollower.document(id, id + "/inbox", null, keyId, keys));
        follower.serve("/people/zed", TestFollower.document(id, id + "/inbox", null, keyId, keys));
        TestFollower.Actor zed = new TestFollower.Actor(id, keyId, id + "/inbox", null, keys);
        Http.Answer answer = post("/fediverse/teasers/inbox", zed, follow(zed, "/fediverse/teasers", "https://f.example/zed"));
        assertEquals(202, answer.status(), "a Follow whose key document's id publishes the same key: " + answer);
        assertEquals(List.of("teasers"), followedBy(id), "feeds zed follows");
    }

    @Test
    void aDeletedAccountsDeleteIsAcceptedOnceItsActorAnswers410EvenWithItsKeyNoLongerCached() {
        TestFollower.Actor xena = follower.actor("xena");
        assertEquals(202, post("/fediverse/inbox", xena, follow(xena, "/fediverse/teasers", "https://f.example/x1")).status());
        follower.delete("xena");
        remoteActors.forgetKeys();
        Http.Answer answer = post("/fediverse/inbox", xena, selfDelete(xena));
        assertEquals(202, answer.status(), "xena's Delete once her actor answers 410: " + answer);
        assertEquals(List.of(), followedBy(xena.id()), "feeds xena follows after the Delete of her account");
    }

    @Test
    void aDeleteSignedWithAKeyOfAMissingDocumentDoesNotRemoveALiveActor() {
        TestFollower.Actor yves = follower.actor("yves");
        assertEquals(202, post("/fediverse/inbox", yves, follow(yves, "/fediverse/teasers", "https://f.example/y1")).status());
        java.security.KeyPair forger = TestFollower.newKeys();
        Http.Answer answer = http.send(yves.signedPost(target("/fediverse/inbox"), selfDelete(yves), clock.instant(),
                follower.base() + "/users/nobody#main-key", forger.getPrivate()));
        assertProblem(401, answer, "answered 404");
        assertEquals(List.of("teasers"), followedBy(yves.id()), "feeds yves follows after a forged Delete");
    }

    // --- helpers

    private static String selfDelete(TestFollower.Actor actor) {
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "%s#delete", "type": "Delete",
                 "actor": "%s", "object": "%s", "to": ["https://www.w3.org/ns/activitystreams#Public"]}
                """.formatted(actor.id(), actor.id(), actor.id());
    }

    private Http.Answer post(String path, TestFollower.Actor signer, String json) {
        return http.send(signer.signedPost(target(path), json, clock.instant()));
    }

    private URI target(String path) {
        return server.getURI().resolve(path);
    }

    static String follow(TestFollower.Actor actor, String feedActorPath, String followId) {
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "%s", "type": "Follow", "actor": "%s",
                 "object": "%s"}""".formatted(followId, actor.id(), BASE + feedActorPath);
    }

    private static String undo(TestFollower.Actor actor, String object) {
        return """
                {"@context": "https://www.w3.org/ns/activitystreams", "id": "%s#undo-%s", "type": "Undo", "actor": "%s",
                 "object": %s}""".formatted(actor.id(), UUID.randomUUID(), actor.id(), object);
    }

    static void assertProblem(int status, Http.Answer answer, String inDetail) {
        assertEquals(status, answer.status(), answer.toString());
        assertEquals(Problem.MEDIA_TYPE, answer.header("Content-Type").orElse(null), answer.toString());
        String detail = FeedParsers.jsonTree(answer.body()).get("detail").getStringValue();
        assertTrue(detail.contains(inDetail), "expected '" + inDetail + "' in the detail, got: " + detail);
    }

    /** The feeds an actor follows, from the table. */
    private List<String> followedBy(String actor) {
        return strings("SELECT feed FROM fediverse_follower WHERE actor = ? ORDER BY feed", actor);
    }

    /** The Accepts queued for an inbox: (activity id, body), oldest first. */
    /**
     * The Accepts for an inbox, by activity id: those still queued and those the worker already delivered to the test
     * follower (a delivered row leaves the queue).
     */
    private List<String[]> accepts(String inbox) throws SQLException {
        Map<String, String> byId = new LinkedHashMap<>();
        try (Connection c = TestDatabase.connect(databaseUrl); PreparedStatement ps = c.prepareStatement(
                "SELECT a.activity_id, a.body FROM fediverse_activity a JOIN fediverse_delivery d ON d.activity = a.id"
                        + " WHERE a.kind = 'Accept' AND d.inbox = ? ORDER BY a.id")) {
            ps.setString(1, inbox);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        for (String body : follower.received(inbox)) {
            JsonNode activity = FeedParsers.jsonTree(body);
            if ("Accept".equals(activity.get("type").getStringValue())) {
                byId.putIfAbsent(activity.get("id").getStringValue(), body);
            }
        }
        List<String[]> rows = new ArrayList<>();
        byId.forEach((id, body) -> rows.add(new String[]{id, body}));
        return rows;
    }

    private List<String> strings(String sql, String parameter) {
        try (Connection c = TestDatabase.connect(databaseUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
