package io.broadsheet.fediverse;

import io.broadsheet.storage.FollowerRepository;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.Plans;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At 100,000 followers (world: 99,000 on 2,000 servers; europe: 1,000), a feed's count, its first follow, the
 * removal of an account and a domain's delivery inboxes read an index of V11, never the whole table, on H2 and on PostgreSQL.
 */
@MicronautTest(transactional = false)
class FollowerPlansTest extends HttpTest {

    private static final int FOLLOWERS = 100_000;
    private static final int SMALL_FEED = 1_000;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @BeforeAll
    void followers() throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (Connection c = TestDatabase.connect(databaseUrl); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO fediverse_follower (feed, actor, inbox, shared_inbox, delivery_inbox, domain, follow_id,"
                        + " followed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < FOLLOWERS; i++) {
                String domain = "server-" + i % 2000 + ".example";
                String actor = "https://" + domain + "/users/u" + i;
                ps.setString(1, i < SMALL_FEED ? "europe" : "world");
                ps.setString(2, actor);
                ps.setString(3, actor + "/inbox");
                ps.setString(4, "https://" + domain + "/inbox");
                ps.setString(5, "https://" + domain + "/inbox");
                ps.setString(6, domain);
                ps.setString(7, actor + "#follow");
                ps.setObject(8, at.plusSeconds(i));
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                }
            }
            if (TestDatabase.isPostgres()) {
                try (Statement statement = c.createStatement()) {
                    statement.execute("ANALYZE fediverse_follower");
                }
            }
        }
    }

    @Test
    void aFeedsCountReadsARangeOfAnIndex() throws SQLException {
        String plan = plan(FollowerRepository.COUNT_SQL, "europe");
        if (TestDatabase.isPostgres()) {
            assertTrue(plan.contains("Index"), "an index range on PostgreSQL, got: " + plan);
            assertFalse(plan.contains("Seq Scan"), "no table scan on PostgreSQL, got: " + plan);
        } else {
            String lower = plan.toLowerCase(java.util.Locale.ROOT);
            assertTrue(lower.contains(": feed = ?1 */") && (lower.contains("_since_idx") || lower.contains("primary_key")),
                    "a range of an index starting with feed on H2, got: " + plan);
        }
    }

    @Test
    void aFeedsFirstFollowIsTheFirstEntryOfTheSinceIndex() throws SQLException {
        String plan = plan(FollowerRepository.FIRST_FOLLOWED_SQL, "world");
        assertTrue(plan.toLowerCase(java.util.Locale.ROOT).contains("fediverse_follower_since_idx"),
                "the since index, got: " + plan);
        if (TestDatabase.isPostgres()) {
            assertFalse(plan.contains("Sort") || plan.contains("Seq Scan"), "no sort and no table scan, got: " + plan);
        } else {
            String analysed = plan("ANALYZE " + FollowerRepository.FIRST_FOLLOWED_SQL, "world");
            java.util.regex.Matcher scanned = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(analysed);
            assertTrue(scanned.find() && Integer.parseInt(scanned.group(1)) <= 2,
                    "one or two index entries read on H2 (no sort of the feed's 99,000), got: " + analysed);
        }
    }

    @Test
    void removingAnAccountReadsTheActorIndex() throws SQLException {
        String plan = plan(FollowerRepository.DELETE_ACTOR_SQL, "https://server-7.example/users/u7");
        assertTrue(plan.toLowerCase(java.util.Locale.ROOT).contains("fediverse_follower_actor_idx"),
                "the actor index, got: " + plan);
        assertFalse(plan.contains("Seq Scan"), "no table scan, got: " + plan);
    }

    @Test
    void aDomainsDistinctDeliveryInboxesAndWhetherItKnowsOneReadTheDomainIndex() throws SQLException {
        for (String plan : List.of(plan(FollowerRepository.DELIVERY_INBOXES_SQL, "server-7.example"),
                plan(FollowerRepository.DELIVERS_TO_SQL, "server-7.example", "https://server-7.example/inbox"))) {
            assertTrue(plan.toLowerCase(java.util.Locale.ROOT).contains("fediverse_follower_domain_idx"),
                    "the domain index, got: " + plan);
            assertFalse(plan.contains("Seq Scan"), "no table scan, got: " + plan);
        }
    }

    private String plan(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.connect(databaseUrl)) {
            return Plans.explain(c, sql, parameters);
        }
    }
}
