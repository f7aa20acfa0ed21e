package io.broadsheet.partner;

import io.broadsheet.storage.PartnerKey;
import io.broadsheet.storage.PartnerKeyRepository;
import io.broadsheet.cluster.ClusterNotice;
import io.broadsheet.cluster.ClusterChanges;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.storage.Identities;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Creates, lists, revokes and checks partner keys. A key is 256 random bits; only its SHA-256 digest is
 * stored (a slow password hash buys nothing for keys nobody can guess). Valid keys are held in memory by
 * digest, so checking a key costs no query; uses are counted in memory and written every few seconds.
 */
@Singleton
public class PartnerKeys {

    static final String PREFIX = "bsk_";
    /**
     * Text shaped like a key ({@value #PREFIX} and base64url characters) as a URL may carry it: in any case, any of
     * its characters percent-encoded. What logs hide wherever it appears.
     */
    public static final Pattern SHAPED = Pattern.compile("(?:b|%62)(?:s|%73)(?:k|%6b)(?:_|%5f)(?:[a-z0-9_-]|%[0-9a-f]{2})*",
            Pattern.CASE_INSENSITIVE);
    private final PartnerKeyRepository repository;
    private final Identities identities;
    private final FeedsConfig config;
    private final ClusterChanges cluster;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PartnerKey> byDigest = new ConcurrentHashMap<>();
    /**
     * Keys this instance revoked: a reload that read the table before the revocation committed must not bring one
     * back. It grows by one id per revocation, which only the admin token can make.
     */
    private final Set<Long> revokedHere = ConcurrentHashMap.newKeySet();
    private final Map<Long, Usage> usage = new ConcurrentHashMap<>();

    public PartnerKeys(PartnerKeyRepository repository, FeedsConfig config, ClusterChanges cluster,
                       Identities identities, Clock clock) {
        this.repository = repository;
        this.cluster = cluster;
        this.identities = identities;
        this.config = config;
        this.clock = clock;
        reload();
    }

    /** Another instance created or revoked a key, or anything may have changed: the keys are read anew. */
    @EventListener
    public void onClusterNotice(ClusterNotice notice) {
        if (notice.movesKeys()) {
            reload();
        }
    }

    /** Reads the active keys anew: another instance created or revoked one. */
    public synchronized void reload() {
        Map<String, PartnerKey> active = new ConcurrentHashMap<>();
        repository.findAll().forEach(key -> {
            if (key.revokedAt() == null && !revokedHere.contains(key.id())) {
                active.put(key.keyHash(), key);
            }
        });
        byDigest.keySet().retainAll(active.keySet());
        byDigest.putAll(active);
    }

    /** A new key and the secret itself, which is never shown again. */
    public record Created(PartnerKey key, String secret) {
    }

    /** A key as listed: with the uses not yet written counted in. */
    public record Listed(PartnerKey key, Instant lastUsedAt, long requestCount) {
    }

    private static final class Usage {
        final AtomicLong requests = new AtomicLong();
        volatile Instant last;
    }

    @Transactional
    public Created create(String name, List<String> feeds) {
        for (int i = 0; i < feeds.size(); i++) {
            if (!config.isPartnerFeed(feeds.get(i))) {
                throw InvalidInputException.of("feeds[" + i + "]", "'" + feeds.get(i)
                        + "' is not a feed marked 'access: partner' in feeds-config");
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PartnerKey key = repository.save(new PartnerKey(null, name, digest(secret), secret.substring(0, 10),
                String.join(",", feeds), clock.instant().truncatedTo(ChronoUnit.SECONDS), null, null, 0));
        byDigest.put(key.keyHash(), key);
        cluster.partnerKeysChanged();
        return new Created(key, secret);
    }

    public List<Listed> list() {
        flush();
        return repository.listOrderById().stream()
                .map(k -> new Listed(k, k.lastUsedAt(), k.requestCount())).toList();
    }

    /** How many keys there are, revoked ones included. */
    public long count() {
        return repository.count();
    }

    /**
     * Stores keys as another installation had them (a move): the same ids, digests, grants, dates and counts, so
     * that every partner's key goes on working. {@link #continueIds} must follow.
     */
    @Transactional
    public void restore(List<PartnerKey> keys) {
        for (PartnerKey k : keys) {
            repository.insertKept(k.id(), k.name(), k.keyHash(), k.keyPrefix(), k.feeds(), k.createdAt(), k.revokedAt(),
                    k.lastUsedAt(), k.requestCount());
        }
        keys.stream().filter(k -> k.revokedAt() == null).forEach(k -> byDigest.put(k.keyHash(), k));
        cluster.partnerKeysChanged();
    }

    /** New keys get ids after every stored one (after {@link #restore}, which inserts keys with ids of their own). */
    public void continueIds() {
        identities.continuePast("partner_key", 1);
    }

    /** Revokes a key at once; false when no such key is active. */
    @Transactional
    public boolean revoke(long id) {
        boolean revoked = repository.revoke(id, clock.instant().truncatedTo(ChronoUnit.SECONDS)) > 0;
        forget(id, revoked);
        if (revoked) {
            cluster.partnerKeysChanged();
        }
        return revoked;
    }

    /** Takes a revoked key out at once, in step with {@link #reload}, which holds the same lock. */
    private synchronized void forget(long id, boolean revoked) {
        if (revoked) {
            revokedHere.add(id);
        }
        byDigest.values().removeIf(k -> k.id() == id);
    }

    /** The active key {@code secret} if it grants {@code feed}; counts the use. Constant-time by digest lookup. */
    public Optional<PartnerKey> authorise(String secret, String feed) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        PartnerKey key = byDigest.get(digest(secret.strip()));
        if (key == null || !key.grants(feed)) {
            return Optional.empty();
        }
        Usage use = usage.computeIfAbsent(key.id(), id -> new Usage());
        use.requests.incrementAndGet();
        use.last = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return Optional.of(key);
    }

    /** Writes the uses counted since the last flush; touches the database only if there are some. */
    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    public void flush() {
        if (usage.values().stream().anyMatch(u -> u.requests.get() > 0)) {
            write();
        }
    }

    @Transactional
    void write() {
        for (Map.Entry<Long, Usage> entry : usage.entrySet()) {
            long requests = entry.getValue().requests.getAndSet(0);
            Instant last = entry.getValue().last;
            if (requests > 0 && last != null) {
                repository.recordUse(entry.getKey(), requests, last);
            }
        }
    }

    /**
     * On shutdown, once the requests in flight have finished (the framework's graceful shutdown listens first) and
     * before any bean is stopped, the connection pool among them.
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        flush();
    }

    /** Uses counted after the shutdown's flush: only if the grace period ran out on requests still in flight. */
    @PreDestroy
    void close() {
        flush();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
