package io.broadsheet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service's own meters, served by {@code GET /metrics}; docs/operations.md ("Metrics") lists them. Every meter
 * a caller records into is resolved before the call, so recording is an increment.
 *
 * <p>They live in the Prometheus registry itself, the one /metrics reads, not in the framework's composite of all
 * registries: a composite counter walks its registries on each increment, which a profile of cached feed
 * answers showed at 1.5 % of the event loop's time.
 */
@Singleton
public class BroadsheetMetrics {

    /** {@link #hubPing} targets: a WebSub hub, or a CDN purge. */
    public static final String HUB = "hub";
    public static final String PURGE = "purge";
    /** {@link #hubPing} outcomes: accepted, given up, or tried again after a refusal. */
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String RETRIED = "retried";

    /** {@link #fediverseDelivery} outcomes (and {@link #RETRIED}): sent, given up, or dropped unsent (a blocked domain). */
    public static final String DELIVERED = "delivered";
    public static final String GAVE_UP = "gave_up";
    public static final String DROPPED = "dropped";
    private static final List<String> DELIVERY_OUTCOMES = List.of(DELIVERED, RETRIED, GAVE_UP, DROPPED);

    private static final List<String> TARGETS = List.of(HUB, PURGE);
    private static final List<String> OUTCOMES = List.of(SENT, FAILED, RETRIED);

    private final MeterRegistry registry;
    private final FeedRequestCounters feedRequests;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Map<String, Timer> renders = new ConcurrentHashMap<>();
    private final Counter[] hubPings = new Counter[TARGETS.size() * OUTCOMES.size()];
    private final Counter importAccepted;
    private final Counter importRejected;
    private final Map<String, Counter> fediverseDeliveries;

    public BroadsheetMetrics(PrometheusMeterRegistry registry, StoredArticles stored) {
        this.registry = registry;
        this.feedRequests = new FeedRequestCounters(registry);
        this.cacheHits = cacheGets(registry, "hit");
        this.cacheMisses = cacheGets(registry, "miss");
        for (int t = 0; t < TARGETS.size(); t++) {
            for (int o = 0; o < OUTCOMES.size(); o++) {
                hubPings[t * OUTCOMES.size() + o] = Counter.builder("broadsheet.hub.pings")
                        .description("Notifications of changed feeds: sent, failed for good, or retried after a refusal")
                        .tags("target", TARGETS.get(t), "outcome", OUTCOMES.get(o))
                        .register(registry);
            }
        }
        this.importAccepted = importLines(registry, "accepted");
        this.importRejected = importLines(registry, "rejected");
        this.fediverseDeliveries = fediverseDeliveries(registry);
        Gauge.builder("broadsheet.feed.not.modified.ratio", feedRequests, FeedRequestCounters::notModifiedShare)
                .description("Share of 304 among feed answers with status 200, 226 or 304 since start (NaN before the first)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("broadsheet.articles.stored", stored, StoredArticles::count)
                .description("Articles in the database, embargoed ones included (read at most every 5 s)")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Counts one feed answer.
     *
     * @param feed   the feed's name as requested
     * @param format the format's extension ({@code rss}, {@code atom}, {@code json}), or {@code unknown}
     * @param known  true when the answer proves the feed exists (a document, a 304): only then may
     *               a name not counted before get a label of its own
     */
    public void feedRequest(String feed, String format, int status, boolean gzip, boolean known) {
        feedRequests.count(feed, format, status, gzip, known);
    }

    /** The feed cache answered from memory. */
    public void feedCacheHit() {
        cacheHits.increment();
    }

    /** The feed cache had to render. */
    public void feedCacheMiss() {
        cacheMisses.increment();
    }

    /** A feed document was rendered in {@code nanos}, database reads included. */
    public void feedRendered(String format, long nanos) {
        renders.computeIfAbsent(format, f -> Timer.builder("broadsheet.feed.render")
                .description("Time to render a feed document, database reads included")
                .tag("format", f)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Counts one notification of a changed feed.
     *
     * @param target  {@link #HUB} (a WebSub hub) or {@link #PURGE} (a CDN purge)
     * @param outcome {@link #SENT}, {@link #FAILED} (given up) or {@link #RETRIED} (refused, to be tried again)
     */
    public void hubPing(String target, String outcome) {
        int t = TARGETS.indexOf(target);
        int o = OUTCOMES.indexOf(outcome);
        if (t < 0 || o < 0) {
            throw new IllegalArgumentException("hubPing(target, outcome) takes a target of " + TARGETS
                    + " and an outcome of " + OUTCOMES + ", not (" + target + ", " + outcome + ")");
        }
        hubPings[t * OUTCOMES.size() + o].increment();
    }

    /**
     * Counts one request to a fediverse inbox ({@code broadsheet_fediverse_inbox_total}).
     *
     * @param type    the activity's type: {@code Follow}, {@code Undo}, {@code Delete}, or {@code other} for any
     *                other (a stranger chooses the type: only these four are labels)
     * @param outcome {@code accepted} (acted on), {@code ignored} (well signed, nothing to do), {@code unverified}
     *                (401), {@code refused} (403), {@code invalid} (400), {@code unknown} (404) or {@code busy} (503)
     */
    public void fediverseInbox(String type, String outcome) {
        String label = java.util.Set.of("Follow", "Undo", "Delete").contains(type) ? type : "other";
        Counter.builder("broadsheet.fediverse.inbox")
                .description("Requests to the fediverse inboxes by activity type and outcome")
                .tags("type", label, "outcome", outcome)
                .register(registry)
                .increment();
    }

    /** Counts the lines of a bulk import (or of one of its chunks): stored, and refused. */
    public void importLines(long accepted, long rejected) {
        importAccepted.increment(accepted);
        importRejected.increment(rejected);
    }

    /**
     * Counts one settled attempt to deliver an activity to a fediverse inbox.
     *
     * @param outcome {@link #DELIVERED}, {@link #RETRIED} (to be tried again), {@link #GAVE_UP} or {@link #DROPPED}
     */
    public void fediverseDelivery(String outcome) {
        Counter counter = fediverseDeliveries.get(outcome);
        if (counter == null) {
            throw new IllegalArgumentException("fediverseDelivery(outcome) takes one of " + DELIVERY_OUTCOMES
                    + ", not " + outcome);
        }
        counter.increment();
    }

    private static Map<String, Counter> fediverseDeliveries(MeterRegistry registry) {
        Map<String, Counter> counters = new java.util.LinkedHashMap<>();
        for (String outcome : DELIVERY_OUTCOMES) {
            counters.put(outcome, Counter.builder("broadsheet.fediverse.deliveries")
                    .description("Attempts to deliver activities to fediverse inboxes: delivered, retried, given up,"
                            + " or dropped unsent (a blocked domain)")
                    .tag("outcome", outcome)
                    .register(registry));
        }
        return Map.copyOf(counters);
    }

    private static Counter cacheGets(MeterRegistry registry, String result) {
        return Counter.builder("broadsheet.feed.cache.gets")
                .description("Feed cache lookups: a hit serves stored bytes, a miss renders")
                .tag("result", result)
                .register(registry);
    }

    private static Counter importLines(MeterRegistry registry, String result) {
        return Counter.builder("broadsheet.import.lines")
                .description("Lines of bulk imports: accepted (stored) or rejected")
                .tag("result", result)
                .register(registry);
    }
}
