package io.broadsheet.fediverse;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FediverseFollower;
import io.broadsheet.testing.FediverseFollower.Attachment;
import io.broadsheet.testing.FediverseFollower.InboxPost;
import io.broadsheet.testing.FediverseFollower.Received;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ServiceProcess;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A follower built on a third-party ActivityPub library (Fedify, from npm, run by Node) follows {@code world} of the
 * built jar over loopback, as a Mastodon user would: WebFinger, a signed Follow, the feed's signed Accept; then each
 * article published, edited and withdrawn arrives as a Create, Update and Delete whose HTTP Signature Fedify
 * verified; a failing inbox and a restart of the service lose nothing and send nothing twice. Skipped with a message
 * without Node 20+ and {@code npm ci} in src/it/fediverse.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FedifyFollowIT {

    @TempDir
    static Path work;

    private static ServiceProcess service;
    private static FediverseFollower follower;
    private static Map<String, String> followed;
    private static String actor;
    private static long archived;

    @BeforeAll
    static void followWorldFromFedify() throws Exception {
        FediverseFollower.assumeAvailable();
        service = new ServiceProcess(work.resolve("service"), Map.of(
                "BROADSHEET_FEDIVERSE_ALLOW_PRIVATE_ADDRESSES", "true",
                "BROADSHEET_FEDIVERSE_FIRST_RETRY", "500ms"));
        service.putEnv("BROADSHEET_SITE_BASE_URL", service.baseUrl());
        service.start();
        actor = service.baseUrl() + "/fediverse/world";
        // the category feed exists once it holds an article; this one, from before the follow, is never sent
        archived = publish("fedify-archived", "2024-01-01T00:00:00Z").id();
        follower = FediverseFollower.start(work.resolve("follower"));
        followed = follower.follow("@world@" + URI.create(service.baseUrl()).getAuthority());
    }

    @AfterAll
    static void stop() {
        if (follower != null) {
            follower.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void aFollowFoundThroughWebFingerIsAcceptedWithAnAcceptSignedByTheFeed() throws Exception {
        String authority = URI.create(service.baseUrl()).getAuthority();
        assertEquals("acct:world@" + authority, followed.get("subject"), "WebFinger's subject");
        assertEquals(actor, followed.get("actor"), "the actor WebFinger's self link led to");
        assertEquals(actor + "/inbox", followed.get("inbox"), "the actor's inbox");

        String acceptId = actor + "#accepts/" + sha256(followed.get("follow")).substring(0, 32);
        Received accept = follower.awaitReceived("Accept", acceptId);
        assertEquals(followed.get("follow"), accept.objectId(), "the Accept's object is the Follow sent");
        assertEquals(actor, accept.actor(), "the Accept's actor");
        assertTrue(accept.verified(), accept.toString());
        follower.assertDeliveredOnceSignedBy(acceptId, actor);

        // the count is kept for a few seconds: wait for it rather than read it once
        Eventually.equals(1L, FedifyFollowIT::followers, "the followers collection counts the follower");
    }

    @Test
    @Order(2)
    void aPublishedArticleArrivesAsACreateOfANoteWithTitleLinkCreditsAndOneImagePerPicture() {
        Published article = publish("fedify-create", now());
        String note = actor + "/notes/" + article.id();
        Received create = follower.awaitReceived("Create", note + "#create");
        follower.assertDeliveredOnceSignedBy(create.id(), actor);

        assertEquals(actor, create.actor(), "the Create's actor");
        assertEquals(note, create.objectId(), "the object's id");
        assertEquals("Note", create.objectType(), "Mastodon shows a Note in full; problem: " + create.objectProblem());
        assertEquals(actor, create.attributedTo(), "attributedTo");
        assertEquals(article.link(), create.url(), "the Note's url is the article's page");
        assertNotNull(create.published(), "published");
        assertNull(create.summary(), "no summary: Mastodon would show it as a content warning");
        assertTrue(create.objectTo().contains(FediverseFollower.PUBLIC), "the Note is addressed to Public: " + create);
        assertTrue(create.to().contains(FediverseFollower.PUBLIC) || create.cc().contains(FediverseFollower.PUBLIC),
                "the Create is addressed to Public: " + create);
        assertTrue(create.objectTo().contains(actor + "/followers") || create.objectCc().contains(actor + "/followers"),
                "the Note is addressed to the followers: " + create);

        String content = create.content();
        assertTrue(content.contains("fedify-create-title"), "the title in the content: " + content);
        assertTrue(content.contains("href=\"" + article.link() + "\""), "a link to " + article.link() + " in: " + content);
        for (int n = 1; n <= 2; n++) {
            assertTrue(content.contains("fedify-create-img" + n + "-credit"), "picture " + n + "'s credit in: " + content);
        }
        assertEquals(2, create.attachments().size(), "one attachment per picture: " + create.attachments());
        for (int n = 1; n <= 2; n++) {
            Attachment image = create.attachments().get(n - 1);
            String what = "attachment " + n + " " + image;
            assertEquals("Image", image.type(), what);
            assertEquals("https://media.example.com/fedify-create-img" + n + ".jpg", image.url(), what);
            assertEquals("image/jpeg", image.mediaType(), what);
            assertEquals(1200, image.width(), what);
            assertEquals(800, image.height(), what);
            assertEquals("fedify-create-img" + n + "-alt", image.name(), what + ": the alt text, Mastodon's description");
        }
        assertEquals(200, activityJson(URI.create(note).getPath()).status(), "the Note is served at its id");
    }

    @Test
    @Order(3)
    void anEditedTitleArrivesAsAnUpdateOfTheSameNote() {
        Published article = publish("fedify-update", now());
        String note = actor + "/notes/" + article.id();
        follower.awaitReceived("Create", note + "#create");

        Map<String, Object> edited = Fixtures.with(article.input(), "title", "fedify-update-edited-title");
        Http.Answer answer = service.http().put("/api/articles/fedify-update", Fixtures.json(edited), null);
        assertEquals(200, answer.status(), answer.body());
        Received update = follower.awaitReceived("Update", r -> note.equals(r.objectId()), "object " + note);
        follower.assertDeliveredOnceSignedBy(update.id(), actor);
        assertTrue(update.id().matches(java.util.regex.Pattern.quote(note) + "#update-\\d+"), "the Update's id: " + update.id());
        assertEquals("Note", update.objectType(), "problem: " + update.objectProblem());
        assertTrue(update.content().contains("fedify-update-edited-title"), "the new title in: " + update.content());
        assertNotNull(update.updated(), "the Note's updated");
    }

    @Test
    @Order(4)
    void aWithdrawnArticleArrivesAsADeleteOfATombstone() {
        Published article = publish("fedify-delete", now());
        String note = actor + "/notes/" + article.id();
        follower.awaitReceived("Create", note + "#create");

        Http.Answer answer = service.http().post("/api/articles/fedify-delete/withdraw", "{\"reason\": \"fedify-delete-reason\"}");
        assertEquals(200, answer.status(), answer.body());
        Received delete = follower.awaitReceived("Delete", note + "#delete");
        follower.assertDeliveredOnceSignedBy(delete.id(), actor);
        assertEquals(note, delete.objectId(), "the Delete's object");
        assertEquals("Tombstone", delete.objectType(), "problem: " + delete.objectProblem());
        assertEquals(410, activityJson(URI.create(note).getPath()).status(), "the withdrawn Note is gone");
    }

    @Test
    @Order(5)
    void anInboxThatFailsTwiceGetsTheCreateOnTheThirdAttempt() {
        follower.fail(2, 503);
        Published article = publish("fedify-retried", now());
        String createId = actor + "/notes/" + article.id() + "#create";
        follower.awaitReceived("Create", createId);
        List<Integer> statuses = follower.postsOf(createId).stream().map(InboxPost::status).toList();
        assertEquals(List.of(503, 503, 202), statuses, "two refusals, then accepted");
        follower.assertDeliveredOnceSignedBy(createId, actor);
    }

    @Test
    @Order(6)
    void aCreateOwedWhenTheServiceStopsArrivesOnceAfterItStartsAgain() throws Exception {
        follower.fail(Integer.MAX_VALUE, 503);
        Published article = publish("fedify-restart", now());
        String createId = actor + "/notes/" + article.id() + "#create";
        Eventually.until("a first attempt at " + createId, () -> !follower.postsOf(createId).isEmpty());
        service.terminate(Duration.ofSeconds(60));
        follower.fail(0, 503);
        service.start();

        follower.awaitReceived("Create", createId);
        // a later article arrives after it: by then a second copy of the first would have been sent with it
        Published later = publish("fedify-after-restart", now());
        follower.awaitReceived("Create", actor + "/notes/" + later.id() + "#create");
        follower.assertDeliveredOnceSignedBy(createId, actor);
    }

    @Test
    @Order(7)
    void articlesPublishedBeforeTheFollowAreNeverSentNorAreArchiveImportsAfterIt() {
        Http.Answer imported = service.http().importLines(Fixtures.json(Fixtures.with(
                Fixtures.article("fedify-imported", "2023-06-01T00:00:00Z", "world"), "url", null)) + "\n");
        assertEquals(200, imported.status(), imported.body());
        long importedId = FeedParsers.jsonTree(service.http().getAsAdmin("/api/articles/fedify-imported").body())
                .get("id").getLongValue();
        Published sentinel = publish("fedify-sentinel", now());
        follower.awaitReceived("Create", actor + "/notes/" + sentinel.id() + "#create");
        for (long id : new long[]{archived, importedId}) {
            String note = actor + "/notes/" + id;
            List<InboxPost> posts = follower.inboxPosts().stream()
                    .filter(p -> p.id() != null && p.id().startsWith(note + "#")).toList();
            assertEquals(List.of(), posts, "nothing is sent of article " + id + ", published before the follow");
        }
    }

    @Test
    @Order(8)
    void anUndoneFollowLeavesTheFollowersCollectionEmpty() {
        follower.unfollow();
        Eventually.equals(0L, FedifyFollowIT::followers, "followers after the Undo");
    }

    /** An article published through the API, as the test wrote it and as the service stored it. */
    record Published(Map<String, Object> input, long id, String link) {
    }

    /** Publishes a world article with two pictures (captions, alt texts, credits), linked at the service's page. */
    static Published publish(String key, String publishedAt) {
        Map<String, Object> input = Fixtures.with(Fixtures.article(key, publishedAt, "world"), "url", null);
        Http.Answer answer = service.http().post("/api/articles", Fixtures.json(input));
        assertEquals(201, answer.status(), answer.body());
        JsonNode stored = FeedParsers.jsonTree(answer.body());
        return new Published(input, stored.get("id").getLongValue(), stored.get("link").getStringValue());
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static long followers() {
        Http.Answer answer = activityJson("/fediverse/world/followers");
        assertEquals(200, answer.status(), answer.body());
        return FeedParsers.jsonTree(answer.body()).get("totalItems").getLongValue();
    }

    static Http.Answer activityJson(String path) {
        return service.http().send(service.http().request(path).header("Accept", "application/activity+json"));
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
