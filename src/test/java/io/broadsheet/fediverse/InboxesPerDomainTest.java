package io.broadsheet.fediverse;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestFollower;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * One server's actors, each with its own inbox, against the cap of {@code broadsheet.fediverse.max-inboxes-per-domain} (20
 * here) distinct delivery inboxes per domain: the 21st is refused and stores nothing, an actor delivered to a known inbox is fine.
 */
@MicronautTest(transactional = false)
class InboxesPerDomainTest extends HttpTest {

    private static final int CAP = 20;
    private final TestFollower follower = new TestFollower();
    /** One key pair for every actor: the cap counts inboxes, not keys, and a key pair per actor is slow to make. */
    private final KeyPair keys = TestFollower.newKeys();

    @Inject
    Followers followers;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("InboxesPerDomainTest"));
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        properties.put("broadsheet.fediverse.max-inboxes-per-domain", String.valueOf(CAP));
        return properties;
    }

    @AfterAll
    void stop() {
        follower.close();
    }

    @Test
    void theFollowThatWouldAddAnInboxOverTheCapOfItsDomainIs403AndOnesDeliveredToAKnownInboxStillFollow() {
        TestFollower.Actor shared = follower.actor("shared-0", keys, true);
        assertEquals(202, follow(shared).status(), "the first actor delivered to the server's shared inbox");
        for (int i = 1; i < CAP; i++) {
            Http.Answer answer = follow(follower.actor("own-" + i, keys, false));
            assertEquals(202, answer.status(), "the Follow of actor " + i + " with its own inbox: " + answer);
        }
        assertEquals(CAP, followers.count("all"), "followers of all, each its own inbox");
        TestFollower.Actor extra = follower.actor("own-extra", keys, false);
        InboxTest.assertProblem(403, follow(extra), "too many inboxes on 127.0.0.1");
        assertFalse(followers.follows(extra.id()), "the actor with the inbox over the cap follows a feed");
        assertEquals(202, follow(follower.actor("own-7", keys, false)).status(),
                "a repeated Follow by an actor whose own inbox is known");
        assertEquals(202, follow(follower.actor("shared-1", keys, true)).status(),
                "another actor delivered to the known shared inbox");
        assertEquals(CAP + 1, followers.count("all"), "followers of all at the end");
    }

    private Http.Answer follow(TestFollower.Actor actor) {
        URI inbox = server.getURI().resolve("/fediverse/all/inbox");
        return http.send(actor.signedPost(inbox, InboxTest.follow(actor, "/fediverse/all", actor.id() + "#follow"),
                Instant.now()));
    }
}
