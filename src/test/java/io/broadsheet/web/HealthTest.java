package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** /health and its liveness and readiness views: each check and its details for the admin token. */
@MicronautTest(transactional = false)
class HealthTest extends HttpTest {

    private JsonNode health(String path) {
        Http.Answer answer = http.getAsAdmin(path);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        JsonNode node = FeedParsers.jsonTree(answer.body());
        assertEquals("UP", node.get("status").getStringValue(), path + ": " + answer.body());
        return node.get("details");
    }

    @Test
    void healthNamesTheDatabaseAndItsState() {
        JsonNode jdbc = health("/health").get("jdbc");
        assertNotNull(jdbc, "the JDBC indicator");
        assertEquals("UP", jdbc.get("status").getStringValue());
        JsonNode database = jdbc.get("details").values().iterator().next();
        assertEquals(TestDatabase.isPostgres() ? "PostgreSQL" : "H2", database.get("details").get("database").getStringValue());
        JsonNode notifications = health("/health").get("notifications");
        assertEquals("UP", notifications.get("status").getStringValue());
        assertEquals(TestDatabase.isPostgres() ? "listening" : "single-instance",
                notifications.get("details").get("state").getStringValue(), "the change listener");
    }

    @Test
    void readinessWaitsForTheMigrationsAndADatabaseRoundTrip() {
        JsonNode details = health("/health/readiness");
        assertEquals("UP", details.get("databaseReady").get("status").getStringValue());
        assertEquals("UP", details.get("jdbc").get("status").getStringValue());
    }

    @Test
    void livenessLeavesTheDatabaseOut() {
        JsonNode details = health("/health/liveness");
        assertNull(details.get("jdbc"), "a database outage must not get the process restarted");
        assertNull(details.get("databaseReady"));
    }
}
