package io.broadsheet.fediverse;

import io.broadsheet.storage.DeliveryRepository;
import io.broadsheet.storage.NoteLedgerRepository;
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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue's statements at the size the issue names, 100,000 followers of a feed on 2,000 servers: queuing an
 * activity to them reads the (feed, delivery_inbox) index, taking due deliveries reads the due index, and the first
 * followers of the feeds an event touches are read from the (feed, followed_at) index.
 */
@MicronautTest(transactional = false)
class DeliveryPlansTest extends HttpTest {

    private static final int FOLLOWERS = 100_000;
    private static final int INBOXES = 2_000;
    /** Far ahead, so that this instance's worker finds none of these deliveries due. */
    private static final OffsetDateTime AT = OffsetDateTime.of(2099, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Value("${datasources.default.url}")
    String databaseUrl;

    @BeforeAll
    void followersAndDeliveries() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            insertFollowers(connection, "plan-world", FOLLOWERS);
            insertFollowers(connection, "plan-europe", FOLLOWERS / 10);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO fediverse_activity (id, feed, activity_id, kind, body, created_at)"
                        + " VALUES (1, 'plan-world', 'https://a.example/1', 'Create', '{}', TIMESTAMP WITH TIME ZONE"
                        + " '2026-01-01 00:00:00+00')");
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO fediverse_delivery (activity, inbox, attempts, next_attempt_at) VALUES (1, ?, 1, ?)")) {
                for (int i = 0; i < INBOXES * 10; i++) {
                    ps.setString(1, "https://server-" + i + ".example/inbox");
                    ps.setObject(2, AT.plusMinutes(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (TestDatabase.isPostgres()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM ANALYZE fediverse_follower");
                    statement.execute("VACUUM ANALYZE fediverse_delivery");
                }
            }
        }
    }

    @Test
    void queuingToAFeedsFollowersReadsTheirDistinctInboxesFromTheInboxIndex() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            String plan = Plans.explain(connection, DeliveryRepository.ENQUEUE_TO_FOLLOWERS_SQL, 1L, AT, "plan-world");
            assertTrue(plan.contains("fediverse_follower_inbox_idx"), "the (feed, delivery_inbox) index: " + plan);
            assertFalse(plan.contains("Seq Scan") || plan.contains("tableScan"), "no scan of the table: " + plan);
        }
    }

    @Test
    void takingDueDeliveriesReadsTheDueIndex() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            String plan = Plans.explain(connection, DeliveryRepository.DUE_SQL, AT.plusMinutes(100), AT.plusMinutes(100), 16);
            assertTrue(plan.contains("fediverse_delivery_due_idx"), "the due index: " + plan);
        }
    }

    @Test
    void theFirstFollowersOfAnEventsFeedsAreOneGroupedReadOfTheSinceIndex() throws SQLException {
        try (Connection connection = TestDatabase.connect(databaseUrl)) {
            String plan = Plans.explain(connection, NoteLedgerRepository.firstFollowedSql(3),
                    "plan-world", "plan-europe", "plan-nobody");
            assertTrue(plan.contains("fediverse_follower_since_idx"), "the (feed, followed_at) index: " + plan);
            assertFalse(plan.contains("Seq Scan") || plan.contains("tableScan"), "no scan of the table: " + plan);
        }
    }

    private static void insertFollowers(Connection connection, String feed, int count) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO fediverse_follower (feed, actor, inbox,"
                + " delivery_inbox, domain, followed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String server = "server-" + (i % INBOXES) + ".example";
                ps.setString(1, feed);
                ps.setString(2, "https://" + server + "/users/" + i);
                ps.setString(3, "https://" + server + "/users/" + i + "/inbox");
                ps.setString(4, "https://" + server + "/inbox");
                ps.setString(5, server);
                ps.setObject(6, AT.plusSeconds(i));
                ps.addBatch();
                if (i % 5_000 == 4_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
