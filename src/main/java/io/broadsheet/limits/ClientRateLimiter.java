package io.broadsheet.limits;

import io.broadsheet.clients.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address for feed and page requests: {@code broadsheet.rate-limit.requests-per-second}
 * sustained, {@code burst} at once. A trusted proxy's own requests (no forwarded client) are never limited; 0
 * requests per second turns the limit off.
 *
 * <p>Memory: at most {@code max-clients} buckets are kept (plus one per thread adding one at that instant). When the
 * map is full, the fullest tenth goes: a bucket that has refilled is the same as a new one, so a flood of new
 * addresses drops the clients that were quiet longest, never those the limit is holding back. Serving a known client
 * reads the map and updates its own bucket, without allocating and without a shared lock.
 */
@Singleton
public class ClientRateLimiter {

    private final ClientAddresses clients;
    private final Clock clock;
    private final double perMilli;
    private final double burst;
    private final int maxClients;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Object eviction = new Object();

    public ClientRateLimiter(ClientAddresses clients, Clock clock,
                             RateLimitSettings settings) {
        this.clients = clients;
        this.clock = clock;
        this.perMilli = settings.requestsPerSecond() / 1000.0;
        this.burst = settings.burst();
        this.maxClients = settings.maxClients();
    }

    /**
     * Takes a token for the client of a request.
     *
     * @param forwardedFor the request's X-Forwarded-For, believed only from a trusted proxy
     * @param peer         the connection's peer address, as {@link ClientAddresses#peer} gives it
     * @return 0 when the request is served, else the seconds until the client has a token again
     */
    public long admit(@Nullable String forwardedFor, String peer) {
        if (perMilli == 0) {
            return 0;
        }
        String client = clients.address(forwardedFor, peer);
        if (client.equals(peer) && clients.isTrustedProxy(peer)) {
            return 0;
        }
        long now = clock.millis();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            if (buckets.size() >= maxClients) {
                makeRoom(now);
            }
            bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        }
        return bucket.take(now, perMilli, burst);
    }

    /** Client addresses tracked now. */
    public int tracked() {
        return buckets.size();
    }

    /** Drops the fullest tenth of the buckets (more when many are equally full): one thread at a time. */
    private void makeRoom(long now) {
        synchronized (eviction) {
            if (buckets.size() < maxClients) {
                return; // another thread made room meanwhile
            }
            double[] levels = buckets.values().stream().mapToDouble(b -> b.level(now, perMilli, burst)).toArray();
            Arrays.sort(levels);
            int keep = Math.max(0, Math.min(levels.length - 1, maxClients - Math.max(1, maxClients / 10)));
            double threshold = levels[keep];
            buckets.values().removeIf(b -> b.level(now, perMilli, burst) >= threshold);
        }
    }

    /** One client's tokens, refilled by the time since it was last read. */
    static final class Bucket {

        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** 0 and one token fewer, or the whole seconds until a token is there (at least 1). */
        synchronized long take(long now, double perMilli, double burst) {
            refill(now, perMilli, burst);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000.0));
        }

        synchronized double level(long now, double perMilli, double burst) {
            refill(now, perMilli, burst);
            return tokens;
        }

        private void refill(long now, double perMilli, double burst) {
            if (now > at) { // a clock set back refills nothing
                tokens = Math.min(burst, tokens + (now - at) * perMilli);
                at = now;
            }
        }
    }
}
