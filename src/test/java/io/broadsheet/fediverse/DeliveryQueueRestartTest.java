package io.broadsheet.fediverse;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FediverseRows;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.RecordingInbox;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deliveries an instance could not make before it stopped are made by the next one on the same database. */
@Tag("database")
class DeliveryQueueRestartTest {

    @Test
    void aDeliveryLeftDueIsSentByTheNextStartOnTheSameDatabase() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        properties.put("broadsheet.fediverse.first-retry", "200ms");
        try (RecordingInbox inbox = new RecordingInbox()) {
            inbox.stop(); // down: connections are refused
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                ApplicationContext context = first.getApplicationContext();
                FediverseRows.addFollower(context, "fed-restart", "https://eleven.example/users/a",
                        inbox.url("/restart/inbox"), Instant.now().minus(1, ChronoUnit.HOURS));
                Http http = new Http(first.getURI());
                assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("fr-restart",
                        Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "fed-restart"))).status());
                DeliveryLog log = context.getBean(DeliveryLog.class);
                Eventually.until("a failed attempt at the inbox that is down", () -> !log.latest().isEmpty());
                assertEquals(1L, FediverseRows.queued(context), "the delivery waits for its retry");
            }
            inbox.restart();
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Eventually.equals(1, () -> inbox.requests("/restart/inbox").size(), "Creates received");
                Eventually.equals(0L, () -> FediverseRows.queued(second.getApplicationContext()), "deliveries queued");
                assertTrue(inbox.requests().get(0).body().contains("\"Create\""), inbox.requests().get(0).body());
            }
        }
    }
}
