package io.broadsheet.fediverse;

import io.broadsheet.testing.FediverseFollower;
import io.broadsheet.testing.FediverseFollower.InboxPost;
import io.broadsheet.testing.FediverseFollower.Received;
import io.broadsheet.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Fedify follower that FedifyFollowIT trusts, checked on its own: two of them follow each other through
 * WebFinger and signed activities, and an inbox refuses what is not signed and fails when told to. Skipped with a
 * message without Node 20+ and {@code npm ci} in src/it/fediverse.
 */
class FedifyFollowerTest {

    @TempDir
    static Path work;

    private static FediverseFollower one;
    private static FediverseFollower other;

    @BeforeAll
    static void startTwoFollowers() throws Exception {
        FediverseFollower.assumeAvailable();
        one = FediverseFollower.start(work.resolve("one"));
        other = FediverseFollower.start(work.resolve("other"));
    }

    @AfterAll
    static void stop() {
        for (FediverseFollower follower : new FediverseFollower[]{one, other}) {
            if (follower != null) {
                follower.close();
            }
        }
    }

    @Test
    void aFollowerFollowsAnotherThroughWebFingerAndGetsItsSignedAccept() {
        String authority = URI.create(other.baseUrl()).getAuthority();
        String otherActor = other.baseUrl() + "/users/reader";
        Map<String, String> followed = one.follow("@reader@" + authority);
        assertEquals("acct:reader@" + authority, followed.get("subject"), "WebFinger's subject");
        assertEquals(otherActor, followed.get("actor"), "the actor found");

        Received follow = other.awaitReceived("Follow", followed.get("follow"));
        assertEquals(one.baseUrl() + "/users/reader", follow.actor(), "the Follow's actor");
        other.assertDeliveredOnceSignedBy(follow.id(), one.baseUrl() + "/users/reader");
        Received accept = one.awaitReceived("Accept", r -> followed.get("follow").equals(r.objectId()), "the Follow as object");
        one.assertDeliveredOnceSignedBy(accept.id(), otherActor);
    }

    @Test
    void anUnsignedActivityIsRefusedWith401AndNeverReachesTheListeners() {
        String id = one.baseUrl() + "/users/reader#unsigned-create";
        Http.Answer answer = postUnsigned(id);
        assertEquals(401, answer.status(), "Fedify refuses an unsigned POST: " + answer);

        List<InboxPost> posts = other.postsOf(id);
        assertEquals(1, posts.size(), "the refused POST is recorded: " + posts);
        assertEquals(401, posts.get(0).status(), posts.toString());
        assertFalse(posts.get(0).signed(), posts.toString());
        assertTrue(other.received().stream().noneMatch(r -> id.equals(r.id())), "no listener saw it: " + other.received());
    }

    @Test
    void aFailingInboxAnswersTheChosenStatusThenAcceptsAgain() {
        other.fail(2, 429);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(postUnsigned(one.baseUrl() + "/users/reader#failing-" + i).status());
        }
        assertEquals(List.of(429, 429, 401), statuses, "two answers as told, then Fedify's own (401: unsigned)");
    }

    /** POSTs an unsigned Create by {@code one}'s reader to {@code other}'s shared inbox. */
    private static Http.Answer postUnsigned(String id) {
        String activity = "{\"@context\": \"https://www.w3.org/ns/activitystreams\", \"id\": \"" + id + "\","
                + " \"type\": \"Create\", \"actor\": \"" + one.baseUrl() + "/users/reader\","
                + " \"object\": {\"type\": \"Note\", \"id\": \"" + id + "-note\", \"content\": \"unsigned\"}}";
        Http http = new Http(URI.create(other.baseUrl()));
        return http.send(http.request("/inbox").header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString(activity)));
    }
}
