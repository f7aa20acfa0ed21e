package io.broadsheet.lifecycle;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.Signals;
import io.broadsheet.testing.Signals.Signal;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.article.ArticleService;
import io.broadsheet.feed.FeedChanges;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partners poll a feed the way the large ones say they do: the first page only, every 15 minutes, with validators;
 * an item is known by its id, ingested again only when its updated date moves, and taken down when a tombstone comes
 * back under its id. A newsroom publishes all along, so withdrawn items have long scrolled off the first page when
 * they are withdrawn. Both a partner that polls every 15 minutes and one that polls once a week must take down a
 * withdrawn and an expired item before the retention period ends.
 */
@MicronautTest(transactional = false)
class AggregatorPollingTest extends HttpTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration POLL = Duration.ofMinutes(15);

    @Inject
    MutableClock clock;

    @Inject
    FeedChanges changes;

    @Inject
    ArticleService articles;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.withMutableClock("AggregatorPollingTest");
    }

    /** A partner's copy of a feed: what it ingested, by item id. */
    private static final class Partner {

        private final FeedFormat format;
        private final String path;
        private final Map<String, Signal> copies = new LinkedHashMap<>();
        private final Map<String, Instant> takenDown = new HashMap<>();
        private String etag;
        private int polls;
        private int notModified;
        private int reingested;

        Partner(FeedFormat format, String feed) {
            this.format = format;
            this.path = "/feeds/" + feed + "." + format.extension();
        }

        void poll(Http http, Instant now) {
            polls++;
            var request = http.request(path);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            Http.Answer answer = http.send(request);
            if (answer.status() == 304) {
                notModified++;
                return;
            }
            assertEquals(200, answer.status(), answer.body());
            etag = answer.header("ETag").orElseThrow();
            for (Signal signal : Signals.read(format, answer.body(), now)) {
                Signal copy = copies.get(signal.id());
                if (signal.withdrawn()) {
                    if (copy != null) {
                        copies.remove(signal.id());
                        takenDown.put(signal.id(), now);
                    }
                } else if (copy == null) {
                    if (!takenDown.containsKey(signal.id())) {
                        copies.put(signal.id(), signal);
                    }
                } else if (signal.updated().isAfter(copy.updated())) {
                    copies.put(signal.id(), signal);
                    reingested++;
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void partnersPollingTheFirstPageTakeDownWithdrawnAndExpiredItemsBeforeTheRetentionEnds(FeedFormat format)
            throws Exception {
        String desk = "polled-" + format.extension();
        clock.set(START);
        StringBuilder archive = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> a = article(desk + "-" + i, START.minus(Duration.ofMinutes(40 - i)).toString(), desk);
            if (i == 20) {
                a = with(a, "expiresAt", START.plus(Duration.ofHours(30)).toString()); // an agency's usage window
            }
            archive.append(json(a)).append('\n');
        }
        assertEquals(200, http.importLines(archive.toString()).status());
        String killed = id(desk + "-0");
        String expired = id(desk + "-20");
        String corrected = id(desk + "-38");
        Partner frequent = new Partner(format, desk);
        Partner weekly = new Partner(format, desk);
        weekly.poll(http, START);
        assertEquals(40, weekly.copies.size());

        Instant now = START;
        int published = 40;
        Instant withdrawnAt = null;
        // three days of polls every 15 minutes, a story published between each two
        for (int step = 0; step < 3 * 96; step++) {
            frequent.poll(http, now);
            if (step == 4) {
                http.put("/api/articles/" + desk + "-38", json(with(article(desk + "-38",
                        START.minus(Duration.ofMinutes(2)).toString(), desk), "correction", "A name was misspelt.")), null);
            }
            if (step == 100) { // a day on: the first story left the first page long ago
                assertFalse(firstPageIds(format, desk).contains(killed), "scrolled off before it is withdrawn");
                assertTrue(frequent.copies.containsKey(killed), "yet the partner still holds it");
                assertEquals(200, http.post("/api/articles/" + desk + "-0/withdraw", "{\"reason\": \"Legal request\"}").status());
                withdrawnAt = now;
            }
            now = now.plus(POLL);
            clock.set(now);
            articles.expireDue(); // what the timer does at each instant a window ends (its firing: LifecycleTest)
            if (step % 3 == 0) { // not every quarter hour: some polls find nothing new (304)
                http.post("/api/articles", json(article(desk + "-" + published++, now.minusSeconds(30).toString(), desk)));
            }
        }
        assertTrue(frequent.notModified > 0, "validators spared some polls");
        assertEquals(1, frequent.reingested, "the correction, and nothing else, was ingested again");
        assertTrue(frequent.copies.get(corrected).content().contains("A name was misspelt."));
        assertEquals(withdrawnAt.plus(POLL), frequent.takenDown.get(killed), "taken down at the next poll");
        assertEquals(START.plus(Duration.ofHours(30)), frequent.takenDown.get(expired),
                "taken down at the first poll once the window ended");
        assertFalse(frequent.copies.containsKey(killed) || frequent.copies.containsKey(expired));

        // the weekly partner polls on day 7, when both have long left the first page but their tombstones are there
        now = START.plus(Duration.ofDays(7));
        clock.set(now);
        changes.pruneTombstones();
        weekly.poll(http, now);
        assertTrue(weekly.takenDown.containsKey(killed) && weekly.takenDown.containsKey(expired),
                "the weekly partner took both down: " + weekly.takenDown);
        assertTrue(weekly.copies.containsKey(corrected));

        // after the retention period the tombstones are gone from the feed
        now = START.plus(Duration.ofDays(32));
        clock.set(now);
        changes.pruneTombstones();
        List<Signal> late = Signals.read(format, http.get("/feeds/" + desk + "." + format.extension()).body(), now);
        assertFalse(late.stream().anyMatch(Signal::withdrawn), "no tombstone after 30 days: " + late);
    }

    private String id(String slug) {
        return "tag:news.example.com,2022:article:" + jsonTree(http.getAsAdmin("/api/articles/" + slug).body()).get("id").getLongValue();
    }

    private List<String> firstPageIds(FeedFormat format, String desk) {
        return Signals.read(format, http.get("/feeds/" + desk + "." + format.extension()).body(), clock.instant()).stream()
                .map(Signal::id).toList();
    }
}
