package io.broadsheet.fediverse;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestFollower;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service as it runs by default (no allow-private-addresses), with spam.example blocked: a signer's key on
 * 127.0.0.1 is never fetched, and the followers stored on the blocked domain before the start are gone after it.
 */
@MicronautTest(transactional = false)
class InboxAddressGuardTest extends HttpTest {

    private static final List<String> STORED = List.of("https://spam.example/users/a", "https://sub.spam.example/users/b",
            "https://fine.example/users/c");
    private final TestFollower follower = new TestFollower();

    @Inject
    Followers followers;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("InboxAddressGuardTest"));
        properties.put("broadsheet.config-dir", InboxTest.configBlocking("spam.example").toString());
        storeFollowers(properties.get("datasources.default.url"));
        return properties;
    }

    /** Followers of all on spam.example, a subdomain of it and fine.example, as an earlier run stored them. */
    private static void storeFollowers(String url) {
        try (Connection c = TestDatabase.connect(url); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " fediverse_follower (feed, actor, inbox, delivery_inbox, domain, followed_at) VALUES ('all', ?, ?, ?, ?, ?)")) {
            for (String actor : STORED) {
                ps.setString(1, actor);
                ps.setString(2, actor + "/inbox");
                ps.setString(3, actor + "/inbox");
                ps.setString(4, actor.split("/")[2]);
                ps.setObject(5, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        follower.close();
    }

    @Test
    void followersOnABlockedDomainAreRemovedAtStart() {
        assertEquals(1, followers.count("all"), "followers of all left of " + STORED);
        assertEquals(true, followers.follows("https://fine.example/users/c"), "the follower on fine.example stays");
    }

    @Test
    void aKeyOnALoopbackAddressIsNotFetchedAndTheFollowIs401() {
        TestFollower.Actor oscar = follower.actor("oscar");
        String follow = InboxTest.follow(oscar, "/fediverse/all", "https://f.example/oscar");
        Http.Answer answer = http.send(oscar.signedPost(server.getURI().resolve("/fediverse/all/inbox"), follow, Instant.now()));
        InboxTest.assertProblem(401, answer, "refused to reach 127.0.0.1");
        assertEquals(0, follower.fetches(), "requests that reached the follower's server");
        assertEquals(false, followers.follows(oscar.id()), "oscar follows a feed");
    }
}
