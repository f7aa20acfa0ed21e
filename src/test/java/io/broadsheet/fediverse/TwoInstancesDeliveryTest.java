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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances on one PostgreSQL database share the queue: each delivery is taken by one of them (row locks
 * skipped, not waited for), so every inbox receives each activity exactly once.
 */
@Tag("database")
class TwoInstancesDeliveryTest {

    private static final int INBOXES = 40;
    private static final int ARTICLES = 10;

    @Test
    void twoInstancesDeliverEachActivityOnceToEachInbox() {
        assumeTrue(TestDatabase.isPostgres(), "instances share a database only on PostgreSQL: PostgreSQL run only");
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        properties.put("broadsheet.fediverse.delivery-concurrency", "4");
        try (RecordingInbox inbox = new RecordingInbox();
             EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Instant followed = Instant.now().minus(1, ChronoUnit.HOURS);
            for (int i = 0; i < INBOXES; i++) {
                FediverseRows.addFollower(first.getApplicationContext(), "fed-two", "https://s" + i + ".example/users/a",
                        inbox.url("/inbox/" + i), followed);
            }
            Http one = new Http(first.getURI());
            Http two = new Http(second.getURI());
            for (int i = 0; i < ARTICLES; i++) {
                String at = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
                Http writer = i % 2 == 0 ? one : two;
                assertEquals(201, writer.post("/api/articles", Fixtures.json(Fixtures.article("two-" + i, at, "fed-two"))).status());
            }

            Eventually.equals(0L, () -> FediverseRows.queued(first.getApplicationContext()), "deliveries queued");
            Map<String, Long> received = inbox.requests().stream().collect(Collectors.groupingBy(
                    r -> r.path() + " " + jsonTree(r.body()).get("id").getStringValue(), Collectors.counting()));
            assertEquals(INBOXES * ARTICLES, received.size(), "distinct (inbox, activity) pairs received");
            assertEquals(List.of(1L), received.values().stream().distinct().toList(), "times each pair was received");
        }
    }
}
