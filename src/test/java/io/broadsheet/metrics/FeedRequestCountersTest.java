package io.broadsheet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feed answers are counted under bounded labels, and a combination seen before registers nothing new. */
class FeedRequestCountersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedRequestCounters counters = new FeedRequestCounters(registry);

    private double count(String feed, String format, String status, String coding) {
        Counter counter = registry.find(FeedRequestCounters.NAME)
                .tags("feed", feed, "format", format, "status", status, "coding", coding).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void eachFeedFormatStatusAndCodingHasItsOwnSeries() {
        counters.count("world", "rss", 200, false, true);
        counters.count("world", "rss", 200, false, true);
        counters.count("world", "rss", 200, true, true);
        counters.count("world", "rss", 304, true, true);
        counters.count("world", "json", 200, false, true);
        assertEquals(2, count("world", "rss", "200", "identity"));
        assertEquals(1, count("world", "rss", "200", "gzip"));
        assertEquals(1, count("world", "rss", "304", "gzip"));
        assertEquals(1, count("world", "json", "200", "identity"));
    }

    @Test
    void aCombinationSeenBeforeRegistersNoMeter() {
        counters.count("world", "rss", 200, false, true);
        int meters = registry.getMeters().size();
        for (int i = 0; i < 1_000; i++) {
            counters.count("world", "rss", 200, false, true);
        }
        assertEquals(meters, registry.getMeters().size());
        assertEquals(1_001, count("world", "rss", "200", "identity"));
    }

    @Test
    void namesNeverShownToExistShareTheUnknownLabel() {
        for (int i = 0; i < 100; i++) {
            counters.count("made-up-" + i, "rss", 404, false, false);
        }
        assertEquals(100, count("unknown", "rss", "404", "identity"));
        assertNull(registry.find(FeedRequestCounters.NAME).tag("feed", "made-up-7").counter(),
                "a name answered 404 must not get a series of its own");
        assertEquals(1, registry.find(FeedRequestCounters.NAME).counters().size());
    }

    @Test
    void aFeedThatAnsweredKeepsItsLabelForItsErrors() {
        counters.count("world", "rss", 200, false, true);
        counters.count("world", "rss", 404, false, false); // a page past the last
        assertEquals(1, count("world", "rss", "404", "identity"));
        assertEquals(0, count("unknown", "rss", "404", "identity"));
    }

    @Test
    void notModifiedShareIsTheShareOf304AmongAnsweredDocuments() {
        assertTrue(Double.isNaN(counters.notModifiedShare()), "no answer yet");
        counters.count("world", "rss", 200, false, true);
        counters.count("world", "rss", 304, false, true);
        counters.count("world", "atom", 304, true, true);
        counters.count("world", "atom", 226, true, true);
        counters.count("nope", "rss", 404, false, false);
        assertEquals(0.5, counters.notModifiedShare(), 1e-9, "two 304 among 200, 304, 304, 226; the 404 left out");
    }
}
