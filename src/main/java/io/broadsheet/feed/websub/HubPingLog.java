package io.broadsheet.feed.websub;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.notify.RetryingPoster;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest settled ping attempts of each hub, newest first: kept in memory by this instance since it started,
 * {@value #PER_HUB} per hub, for the newsroom. Nothing is written anywhere: the log has every outcome.
 */
@Singleton
public class HubPingLog {

    /** Attempts kept per hub; older ones are dropped. */
    public static final int PER_HUB = 50;

    private final Clock clock;
    /** Guarded by itself; one ring per configured hub, in configuration order. */
    private final Map<String, Deque<Ping>> byHub = new LinkedHashMap<>();

    /**
     * One settled attempt of a publish ping.
     *
     * @param at      when it settled
     * @param feedUrl the feed URL the ping announced
     * @param outcome sent (accepted), retried (refused, tried again later) or failed (refused, given up)
     * @param status  the hub's HTTP status, or 0 when no answer came
     * @param error   why no answer came, or null
     * @param attempt the attempt's number, from 1
     */
    public record Ping(Instant at, String feedUrl, RetryingPoster.Outcome outcome, int status, String error,
                       int attempt) {
    }

    public HubPingLog(FeedsConfig config, Clock clock) {
        this.clock = clock;
        for (URI hub : config.hubs()) {
            byHub.put(hub.toString(), new ArrayDeque<>());
        }
    }

    void record(RetryingPoster.Attempt attempt) {
        Ping ping = new Ping(clock.instant(), attempt.post().subject(), attempt.outcome(), attempt.status(),
                attempt.error(), attempt.number());
        synchronized (byHub) {
            Deque<Ping> ring = byHub.computeIfAbsent(attempt.post().target(), k -> new ArrayDeque<>());
            if (ring.size() == PER_HUB) {
                ring.removeLast();
            }
            ring.addFirst(ping);
        }
    }

    /** Each configured hub with its latest attempts, newest first (an empty list before the first). */
    public Map<String, List<Ping>> latest() {
        Map<String, List<Ping>> copy = new LinkedHashMap<>();
        synchronized (byHub) {
            byHub.forEach((hub, ring) -> copy.put(hub, new ArrayList<>(ring)));
        }
        return copy;
    }
}
