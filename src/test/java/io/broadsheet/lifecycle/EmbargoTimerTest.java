package io.broadsheet.lifecycle;

import io.broadsheet.feed.FeedFormat;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestHub;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Embargoes lift through one timer aimed at the next release, in order, and across a restart. */
@Tag("database")
class EmbargoTimerTest {

    private static final int RELEASES = 6;

    @Test
    void manyEmbargoesKeepOneTimerAndLiftInOrderAcrossARestart() throws InterruptedException {
        try (TestHub hub = new TestHub(0)) {
            Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("EmbargoTimerTest"));
            properties.put("broadsheet.websub.hubs", hub.url());
            properties.put("broadsheet.websub.delay", "100ms");
            List<Instant> releases = new ArrayList<>();
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Http http = new Http(first.getURI());
                StringBuilder distant = new StringBuilder();
                for (int i = 0; i < 300; i++) {
                    distant.append(Fixtures.json(Fixtures.article("distant-" + i, "2099-01-01T00:00:" + String.format("%02d", i % 60) + "Z",
                            "distant"))).append('\n');
                }
                assertEquals(200, http.importLines(distant.toString()).status());
                // far enough ahead for the writes and the shutdown below on a busy machine: a release that lifted while
                // this instance still ran would be announced by it, and not be the restart's to announce
                Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(10);
                // written latest first: each write brings an earlier embargo and moves the timer
                for (int k = RELEASES - 1; k >= 0; k--) {
                    // four seconds apart: a restart on a loaded machine still falls between two releases
                    Instant at = start.plusSeconds(4L * k);
                    releases.add(0, at);
                    assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("lift-" + k, at.toString(),
                            "lift-" + k))).status());
                }
                EmbargoTimer timer = first.getApplicationContext().getBean(EmbargoTimer.class);
                assertEquals(releases.get(0), timer.aimedAt(), "the timer aims at the earliest embargo");
                assertEquals(1, timer.scheduledTasks(), "one task for 306 embargoes");
                assertEquals(404, http.get("/feeds/lift-0.rss").status(), "nothing is revealed before its time");
            }
            // down while the first three embargoes lift
            Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), releases.get(2)).toMillis() + 300));
            hub.clear();
            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Http http = new Http(second.getURI());
                List<String> pings = hub.awaitQuiet(RELEASES * 3 * FeedFormat.values().length); // lift-k, all, teasers
                List<Integer> order = new ArrayList<>();
                for (String ping : pings) {
                    for (int k = 0; k < RELEASES; k++) {
                        if (ping.contains("/feeds/lift-" + k + ".rss") && !order.contains(k)) {
                            order.add(k);
                        }
                    }
                }
                // one announcement's pings are sent concurrently and may arrive in any order; releases a second
                // apart arrive in their order
                assertEquals(List.of(0, 1, 2, 3, 4, 5), order.stream().sorted().toList(), "every release is announced: " + pings);
                for (int k = 0; k < 3; k++) {
                    assertTrue(order.indexOf(k) < order.indexOf(4),
                            "what lifted while the service was down is announced first: " + pings);
                }
                assertEquals(List.of(3, 4, 5), order.stream().filter(k -> k >= 3).toList(), "then each in its turn: " + pings);
                for (int k = 0; k < RELEASES; k++) {
                    assertEquals(1, FeedParsers.parse(FeedFormat.RSS, http.get("/feeds/lift-" + k + ".rss").body()).items().size());
                }
                EmbargoTimer timer = second.getApplicationContext().getBean(EmbargoTimer.class);
                assertEquals(Instant.parse("2099-01-01T00:00:00Z"), timer.aimedAt(), "next: the distant embargoes");
                assertTrue(timer.scheduledTasks() <= 1);
            }
        }
    }
}
