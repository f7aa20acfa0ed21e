package io.broadsheet.newsroom;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Wrong admin tokens sent to the sign-in form, counted per client address (the connection's, never a forwarded
 * header a client could make up): after {@code allowed} failures within {@link #WINDOW}, that address may not sign
 * in until the window has passed. A successful sign-in forgets the address's failures.
 */
@Singleton
public class FailedLogins {

    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Addresses remembered at most; past that, windows that are over are dropped, or else all of them. */
    private static final int MAX_ADDRESSES = 10_000;

    private final int allowed;
    private final Clock clock;
    /** Guarded by itself. */
    private final Map<InetAddress, Failures> byAddress = new HashMap<>();

    private record Failures(Instant since, int count) {
    }

    public FailedLogins(@Value("${broadsheet.newsroom.failed-logins:10}") int allowed, Clock clock) {
        this.allowed = allowed;
        this.clock = clock;
    }

    /** How long the address must wait before trying again; zero when it may try now. */
    public Duration waitFor(InetAddress address) {
        Instant now = clock.instant();
        synchronized (byAddress) {
            Failures f = byAddress.get(address);
            if (f == null || f.count() < allowed) {
                return Duration.ZERO;
            }
            Duration left = Duration.between(now, f.since().plus(WINDOW));
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    public void failed(InetAddress address) {
        Instant now = clock.instant();
        synchronized (byAddress) {
            if (byAddress.size() >= MAX_ADDRESSES) {
                byAddress.values().removeIf(f -> !f.since().plus(WINDOW).isAfter(now));
                if (byAddress.size() >= MAX_ADDRESSES) {
                    byAddress.clear(); // a flood of addresses: each starts counting anew
                }
            }
            byAddress.merge(address, new Failures(now, 1), (old, one) ->
                    old.since().plus(WINDOW).isAfter(now) ? new Failures(old.since(), old.count() + 1) : one);
        }
    }

    public void succeeded(InetAddress address) {
        synchronized (byAddress) {
            byAddress.remove(address);
        }
    }
}
