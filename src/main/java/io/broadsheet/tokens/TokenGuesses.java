package io.broadsheet.tokens;

import io.broadsheet.clients.ClientAddresses;
import io.broadsheet.clients.IpAddresses;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wrong admin tokens, wherever they are presented ({@code /api}, the newsroom's sign-in and its charts' data): each
 * client address may send {@link TokenGuessLimits#perAddress} of them within {@link TokenGuessLimits#window}, and
 * all addresses together {@link TokenGuessLimits#global} within {@link TokenGuessLimits#globalWindow}. A throttled
 * client is answered before its token is looked at, so it learns nothing while it waits.
 * <p>
 * Once the global budget is spent, the addresses that sent a wrong token within their window wait until the
 * global window ends; an address with no recent failure still has its token checked (so the right token still
 * works), unless the table of addresses is full, in which case it waits too. The table holds at most
 * {@link TokenGuessLimits#maxAddresses}: only addresses whose window is over leave it, so a flood of other
 * addresses never resets a locked-out address; an address that finds the table full is counted by the global
 * budget alone. An IPv6 client counts by its /64 network, which one subscriber usually holds whole.
 */
@Singleton
public class TokenGuesses {

    private final TokenGuessLimits limits;
    private final ClientAddresses addresses;
    private final Clock clock;
    /** Guarded by this. In order of each window's start, so the eldest entry's window ends first. */
    private final Map<String, Failures> byClient = new LinkedHashMap<>();
    /** Guarded by this: the global window's start and the wrong tokens counted in it. */
    private Instant globalSince = Instant.EPOCH;
    private int globalCount;

    private record Failures(Instant since, int count) {
    }

    public TokenGuesses(TokenGuessLimits limits, ClientAddresses addresses, Clock clock) {
        this.limits = limits;
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * Judges one presentation of the admin token by the request's client: throttled, or else accepted (which
     * forgets the client's failures) or refused (which counts one).
     *
     * @param right whether the presented token is the admin token, compared in constant time by the caller
     */
    public TokenVerdict judge(HttpRequest<?> request, boolean right) {
        return judge(clientOf(request), right);
    }

    /** As {@link #judge(HttpRequest, boolean)}, for a client key as {@link #clientOf} makes it. */
    synchronized TokenVerdict judge(String client, boolean right) {
        Instant now = clock.instant();
        forgetEnded(now);
        Duration wait = waitFor(client, now);
        if (!wait.isZero()) {
            return TokenVerdict.throttled(wait);
        }
        if (right) {
            byClient.remove(client);
            return TokenVerdict.ACCEPTED;
        }
        count(client, now);
        return TokenVerdict.REFUSED;
    }

    /** Completes with {@code answer} once the failure delay has passed; the caller's thread is not held. */
    public <T> CompletableFuture<T> afterDelay(T answer) {
        long millis = limits.failureDelay().toMillis();
        return CompletableFuture.supplyAsync(() -> answer,
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    /** The key a client is counted by: its address (see {@link ClientAddresses}), an IPv6 one cut to its /64. */
    String clientOf(HttpRequest<?> request) {
        String client = addresses.address(request.getHeaders().get("X-Forwarded-For"),
                ClientAddresses.peer(request.getRemoteAddress()));
        InetAddress address = IpAddresses.parse(client);
        if (address == null || address.getAddress().length != 16) {
            return client;
        }
        byte[] network = Arrays.copyOf(Arrays.copyOf(address.getAddress(), 8), 16);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    /** How many addresses are remembered now. */
    synchronized int tracked() {
        return byClient.size();
    }

    private Duration waitFor(String client, Instant now) {
        Failures failures = byClient.get(client);
        if (failures != null && !failures.since().plus(limits.window()).isAfter(now)) {
            byClient.remove(client); // over, but behind a younger entry: the clock was set back meanwhile
            failures = null;
        }
        if (failures != null && failures.count() >= limits.perAddress()) {
            return Duration.between(now, failures.since().plus(limits.window()));
        }
        if (globalCount >= limits.global() && (failures != null || byClient.size() >= limits.maxAddresses())) {
            return Duration.between(now, globalSince.plus(limits.globalWindow()));
        }
        return Duration.ZERO;
    }

    private void count(String client, Instant now) {
        globalCount++;
        Failures failures = byClient.get(client);
        if (failures != null) {
            byClient.put(client, new Failures(failures.since(), failures.count() + 1));
        } else if (byClient.size() < limits.maxAddresses()) {
            byClient.put(client, new Failures(now, 1));
        }
    }

    /** Drops the addresses whose window is over, eldest first, and starts a new global window when one is due. */
    private void forgetEnded(Instant now) {
        Iterator<Failures> eldest = byClient.values().iterator();
        while (eldest.hasNext() && !eldest.next().since().plus(limits.window()).isAfter(now)) {
            eldest.remove();
        }
        if (!globalSince.plus(limits.globalWindow()).isAfter(now)) {
            globalSince = now;
            globalCount = 0;
        }
    }
}
