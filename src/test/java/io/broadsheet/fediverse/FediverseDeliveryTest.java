package io.broadsheet.fediverse;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FediverseRows;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.RecordingInbox;
import io.broadsheet.testing.RecordingInbox.Answer;
import io.broadsheet.testing.SignedRequests;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What followers' inboxes receive as articles are published, edited and withdrawn, and how failing inboxes are
 * retried or given up. Each test uses a category of its own, followed at inboxes of its own.
 */
@MicronautTest(transactional = false)
class FediverseDeliveryTest extends HttpTest {

    private final RecordingInbox inbox = new RecordingInbox();
    private final Instant followedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    ApplicationContext context;
    @Inject
    ActorKeys keys;
    @Inject
    DeliveryLog log;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        properties.put("broadsheet.fediverse.first-retry", "200ms");
        properties.put("broadsheet.config-dir", configBlockingLocalhost().toString());
        return properties;
    }

    /** The test suite's feeds-config with {@code localhost} a blocked domain (the other inboxes are 127.0.0.1). */
    private static Path configBlockingLocalhost() {
        try {
            Path dir = Files.createDirectories(Path.of("target/test-data/FediverseDeliveryTest-config-" + UUID.randomUUID()));
            Files.writeString(dir.resolve("broadsheet.yml"), Files.readString(Path.of(
                    "src/test/resources/test-feeds-config/broadsheet.yml")) + "\nfediverse:\n  blocked-domains: [localhost]\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopInbox() {
        inbox.close();
    }

    @Test
    void aPublishedArticleSendsOneSignedCreatePerDistinctInbox() throws Exception {
        follow("fed-create", "https://one.example/users/a", "/one/inbox");
        follow("fed-create", "https://one.example/users/b", "/one/inbox"); // the same shared inbox
        follow("fed-create", "https://two.example/users/c", "/two/inbox");

        publish("fc-1", "fed-create");

        Eventually.equals(0L, () -> FediverseRows.queued(context), "deliveries still queued");
        List<RecordingInbox.Request> one = inbox.requests("/one/inbox");
        List<RecordingInbox.Request> two = inbox.requests("/two/inbox");
        assertEquals(1, one.size(), "Creates at the shared inbox of two followers: " + one);
        assertEquals(1, two.size(), "Creates at the third follower's inbox: " + two);
        for (RecordingInbox.Request request : List.of(one.get(0), two.get(0))) {
            JsonNode create = jsonTree(request.body());
            assertEquals("Create", create.get("type").getStringValue());
            assertEquals("Note", create.get("object").get("type").getStringValue());
            assertEquals("application/activity+json", request.header("Content-Type"));
            assertTrue(request.header("User-Agent").startsWith("Broadsheet/"), request.header("User-Agent"));
            SignedRequests.verify(request, "127.0.0.1:" + port(), keys.publicKeyPem("fed-create"));
            assertTrue(SignedRequests.parameters(request).get("keyId").endsWith("/fediverse/fed-create#main-key"),
                    SignedRequests.parameters(request).toString());
        }
        assertEquals(0L, FediverseRows.activities(context), "the activity's row goes with its last delivery");
    }

    @Test
    void anEditSendsUpdateAnInvisibleEditNothingAndAWithdrawalDelete() {
        follow("fed-edit", "https://three.example/users/a", "/edit/inbox");
        Map<String, Object> article = publish("fe-1", "fed-edit");
        awaitRequests("/edit/inbox", 1);

        assertEquals(200, http.put("/api/articles/fe-1", Fixtures.json(Fixtures.with(article, "title", "fe-1-new title")), null).status());
        awaitRequests("/edit/inbox", 2);
        assertEquals(200, http.put("/api/articles/fe-1", Fixtures.json(Fixtures.with(article, "title", "fe-1-new title",
                "body", "<p>fe-1-body, longer</p>")), null).status());
        Eventually.equals(0L, () -> FediverseRows.queued(context), "deliveries still queued after the body's edit");
        assertEquals(200, http.send(http.admin("/api/articles/fe-1/withdraw")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\": \"legal\"}"))
                .header("Content-Type", "application/json")).status());
        List<RecordingInbox.Request> received = awaitRequests("/edit/inbox", 3);

        JsonNode create = jsonTree(received.get(0).body());
        JsonNode update = jsonTree(received.get(1).body());
        JsonNode delete = jsonTree(received.get(2).body());
        assertEquals(List.of("Create", "Update", "Delete"), List.of(create.get("type").getStringValue(),
                update.get("type").getStringValue(), delete.get("type").getStringValue()));
        String noteId = create.get("object").get("id").getStringValue();
        assertEquals(noteId, update.get("object").get("id").getStringValue(), "the Update's object is the Note sent");
        assertNotNull(update.get("object").get("updated"), "the updated Note says when: " + update);
        assertEquals("Tombstone", delete.get("object").get("type").getStringValue());
        assertEquals(noteId, delete.get("object").get("id").getStringValue());
        assertEquals(0L, FediverseRows.notes(context, "fed-edit"), "the withdrawn note is forgotten");
    }

    @Test
    void anArchiveImportOlderThanTheFirstFollowerSendsNothing() {
        follow("fed-archive", "https://four.example/users/a", "/archive/inbox");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            lines.append(Fixtures.json(Fixtures.article("fa-" + i, "2020-01-01T00:00:" + (10 + i) + "Z", "fed-archive")))
                    .append('\n');
        }
        assertEquals(200, http.importLines(lines.toString()).status());

        // whatever is sent is queued in the import's own transactions, which committed before the answer
        assertEquals(0L, FediverseRows.queued(context), "deliveries queued by the import");
        assertEquals(0L, FediverseRows.notes(context, "fed-archive"), "notes recorded for archive articles");
        assertEquals(List.of(), inbox.requests("/archive/inbox"));
    }

    @Test
    void anInboxAnswering503TwiceGetsTheCreateOnTheThirdAttempt() {
        inbox.answer(new Answer(503, null), new Answer(503, null));
        follow("fed-retry", "https://five.example/users/a", "/retry/inbox");
        publish("fr-1", "fed-retry");

        List<RecordingInbox.Request> received = awaitRequests("/retry/inbox", 3);
        Eventually.equals(0L, () -> FediverseRows.queued(context), "deliveries still queued");
        assertEquals(1, received.stream().map(RecordingInbox.Request::body).distinct().count(), "the same body each time");
        assertEquals(List.of("retried 503 after 2", "retried 503 after 1"), failures("fed-retry"));
    }

    @Test
    void anInboxAnswering429WaitsForItsRetryAfter() {
        inbox.answer(new Answer(429, "1"));
        follow("fed-busy", "https://six.example/users/a", "/busy/inbox");
        publish("fb-1", "fed-busy");

        List<RecordingInbox.Request> received = awaitRequests("/busy/inbox", 2);
        long waitedMillis = (received.get(1).receivedNanos() - received.get(0).receivedNanos()) / 1_000_000;
        assertTrue(waitedMillis >= 1000, "expected the retry at least Retry-After's 1 s later (first-retry is 200 ms),"
                + " it came after " + waitedMillis + " ms");
        assertEquals(List.of("retried 429 after 1"), failures("fed-busy"));
    }

    @Test
    void anInboxAnswering404IsGivenUpAtOnce() {
        inbox.answer(new Answer(404, null));
        follow("fed-gone", "https://seven.example/users/a", "/missing/inbox");
        publish("fg-1", "fed-gone");

        Eventually.equals(List.of("gave_up 404 after 1"), () -> failures("fed-gone"), "the failures logged");
        assertEquals(0L, FediverseRows.queued(context), "deliveries still queued");
        assertEquals(1, inbox.requests("/missing/inbox").size());
        assertEquals(1L, FediverseRows.followers(context, "fed-gone"), "a 404 leaves the follower");
    }

    @Test
    void anInboxAnswering410IsGivenUpAndEveryFeedsFollowersThereRemoved() {
        inbox.answer(new Answer(410, null));
        // followers on the inbox's server, as a shared inbox's are (followers are removed by inbox on its domain)
        follow("fed-left", "https://127.0.0.1/users/left-a", "/left/inbox");
        follow("fed-left", "https://127.0.0.1/users/left-b", "/left/inbox");
        follow("fed-left-too", "https://127.0.0.1/users/left-a", "/left/inbox");
        follow("fed-stays", "https://127.0.0.1/users/left-c", "/stays/inbox");
        publish("fl-1", "fed-left");

        Eventually.equals(0L, () -> FediverseRows.followers(context, "fed-left"), "followers at the inbox that is gone");
        Eventually.equals(0L, () -> FediverseRows.followers(context, "fed-left-too"),
                "another feed's follower at the inbox that is gone");
        assertEquals(1L, FediverseRows.followers(context, "fed-stays"), "a follower at another inbox");
        assertEquals(List.of("gave_up 410 after 1"), failures("fed-left"));
        assertEquals(1, inbox.requests("/left/inbox").size());
    }

    @Test
    void aDeliveryToABlockedDomainIsDroppedUnsent() {
        FediverseRows.addFollower(context, "fed-blocked", "https://localhost/users/a",
                inbox.url("/blocked/inbox").replace("127.0.0.1", "localhost"), followedAt);
        publish("fx-blocked", "fed-blocked");

        Eventually.equals(List.of("dropped 0 after 0"), () -> failures("fed-blocked"), "the failures logged");
        assertEquals(0L, FediverseRows.queued(context), "deliveries still queued");
        assertEquals(List.of(), inbox.requests("/blocked/inbox"));
    }

    @Test
    void anInboxTheAddressGuardRefusesIsGivenUpAtOnceWithTheReason() {
        FediverseRows.addFollower(context, "fed-refused", "https://nine.example/users/a",
                inbox.url("/refused/inbox").replace("http://", "http://someone@"), followedAt);
        publish("fx-refused", "fed-refused");

        Eventually.equals(List.of("gave_up 0 after 1"), () -> failures("fed-refused"), "the failures logged");
        assertEquals(0L, FediverseRows.queued(context), "deliveries still queued");
        assertEquals(List.of(), inbox.requests("/refused/inbox"));
        String reason = log.latest().stream().filter(f -> f.feed().equals("fed-refused")).findFirst().orElseThrow().error();
        assertTrue(reason != null && reason.contains("user-info"), "the reason logged: " + reason);
    }

    private void follow(String feed, String actor, String inboxPath) {
        FediverseRows.addFollower(context, feed, actor, inbox.url(inboxPath), followedAt);
    }

    private Map<String, Object> publish(String key, String category) {
        Map<String, Object> article = Fixtures.article(key, Instant.now().minus(1, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS).toString(), category);
        assertEquals(201, http.post("/api/articles", Fixtures.json(article)).status());
        return article;
    }

    private List<RecordingInbox.Request> awaitRequests(String path, int count) {
        Eventually.until(count + " requests at " + path + ", got " + inbox.requests(path).size(),
                () -> inbox.requests(path).size() >= count);
        List<RecordingInbox.Request> received = inbox.requests(path);
        assertEquals(count, received.size(), "requests at " + path);
        return received;
    }

    /** This feed's logged failures, newest first, as "outcome status after attempts". */
    private List<String> failures(String feed) {
        return log.latest().stream().filter(f -> f.feed().equals(feed))
                .map(f -> f.outcome() + " " + f.status() + " after " + f.attempts()).toList();
    }

    private int port() {
        return java.net.URI.create(inbox.url("/")).getPort();
    }
}
