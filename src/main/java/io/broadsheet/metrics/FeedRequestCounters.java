package io.broadsheet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feed answers by feed, format, status and coding. A combination seen before costs one map read, a scan of the
 * feed's few counters and an increment, without a lock or an allocation; only a new combination registers a meter.
 *
 * <p>Feed labels stay bounded: a feed gets its own label once it has answered with a document (or is a partner
 * feed, whose names come from feeds-config); every other name, a made-up one answered 404 for instance, is
 * counted as {@value #UNKNOWN}.
 */
final class FeedRequestCounters {

    static final String NAME = "broadsheet.feed.requests";
    static final String UNKNOWN = "unknown";

    private record Slot(String format, int status, boolean gzip, Counter counter) {
    }

    private final MeterRegistry registry;
    /** Each feed's counters; an array is replaced, never changed, so readers need no lock. */
    private final Map<String, Slot[]> byFeed = new ConcurrentHashMap<>();

    FeedRequestCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String feed, String format, int status, boolean gzip, boolean known) {
        Slot[] slots = byFeed.get(feed);
        String label = feed;
        if (slots == null && !known) {
            label = UNKNOWN;
            slots = byFeed.get(UNKNOWN);
        }
        if (slots != null) {
            for (Slot slot : slots) {
                if (slot.status() == status && slot.gzip() == gzip && slot.format().equals(format)) {
                    slot.counter().increment();
                    return;
                }
            }
        }
        register(label, format, status, gzip).increment();
    }

    private synchronized Counter register(String feed, String format, int status, boolean gzip) {
        Slot[] slots = byFeed.getOrDefault(feed, new Slot[0]);
        for (Slot slot : slots) {
            if (slot.status() == status && slot.gzip() == gzip && slot.format().equals(format)) {
                return slot.counter(); // registered by a racing request
            }
        }
        Counter counter = Counter.builder(NAME)
                .description("Feed requests answered, by feed, format, HTTP status and content coding")
                .tags("feed", feed, "format", format, "status", Integer.toString(status),
                        "coding", gzip ? "gzip" : "identity")
                .register(registry);
        Slot[] grown = Arrays.copyOf(slots, slots.length + 1);
        grown[slots.length] = new Slot(format, status, gzip, counter);
        byFeed.put(feed, grown);
        return counter;
    }

    /** The share of 304 among the answers that carried a document or confirmed one (200, 226, 304) since start. */
    double notModifiedShare() {
        double notModified = 0;
        double answered = 0;
        for (Slot[] slots : byFeed.values()) {
            for (Slot slot : slots) {
                int status = slot.status();
                if (status == 200 || status == 226 || status == 304) {
                    answered += slot.counter().count();
                }
                if (status == 304) {
                    notModified += slot.counter().count();
                }
            }
        }
        return answered == 0 ? Double.NaN : notModified / answered;
    }
}
