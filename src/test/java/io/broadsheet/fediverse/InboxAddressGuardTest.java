package io.broadsheet.fediverse;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestFollower;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without allow-private-addresses, a signer's key on 127.0.0.1 is never fetched: the Follow is 401 and not stored. */
@MicronautTest(transactional = false)
class InboxAddressGuardTest extends HttpTest {

    private final TestFollower follower = new TestFollower();

    @Inject
    Followers followers;

    @AfterAll
    void stop() {
        follower.close();
    }

    @Test
    void aKeyOnALoopbackAddressIsNotFetchedAndTheFollowIs401() {
        TestFollower.Actor oscar = follower.actor("oscar");
        String follow = InboxTest.follow(oscar, "/fediverse/all", "https://f.example/oscar");
        Http.Answer answer = http.send(oscar.signedPost(server.getURI().resolve("/fediverse/all/inbox"), follow, Instant.now()));
        InboxTest.assertProblem(401, answer, "refused to reach 127.0.0.1");
        assertEquals(0, follower.fetches(), "requests that reached the follower's server");
        assertEquals(0, followers.count("all"), "followers of all");
    }
}
