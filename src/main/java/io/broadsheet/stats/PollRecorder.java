package io.broadsheet.stats;

import io.broadsheet.storage.Statements;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts feed polls in memory, by day, feed, format and fetcher, and writes them every few seconds: a poll never
 * waits for the database. Also kept: the subscriber count each fetcher last announced, and the distinct pollers that
 * announce none, as salted hashes of address and User-Agent under the day's salt (the address itself is never kept).
 * Rows are added to, so several instances' counts add up; each day's salt is shared through the database.
 */
@Singleton
public class PollRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PollRecorder.class);

    private record PollKey(LocalDate day, String feed, String format, String fetcher) {
    }

    private record FeedDay(LocalDate day, String feed) {
    }

    private record FetcherDay(LocalDate day, String feed, String fetcher) {
    }

    private record Announced(long subscribers, Instant at) {
    }

    /** A day by its number since the epoch: polls of one day share one LocalDate. */
    private record Day(long number, LocalDate date) {
    }

    /** The poller a thread hashed last: a keep-alive connection's polls repeat it, and hash it only once. */
    private record Hashed(byte[] salt, String address, String userAgent, long hash) {
    }

    private static final class Tally {
        final LongAdder polls = new LongAdder();
        final LongAdder notModified = new LongAdder();
    }

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<PollKey, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<FetcherDay, AtomicReference<Announced>> announced = new ConcurrentHashMap<>();
    private final Map<FeedDay, Set<Long>> pollers = new ConcurrentHashMap<>();
    /** Today's and tomorrow's salts, loaded ahead by {@link #flush}: a poll never reads the database for one. */
    private final Map<LocalDate, byte[]> salts = new ConcurrentHashMap<>();
    /** User-Agents already read; emptied when it reaches {@value #MAX_USER_AGENTS}. */
    private final Map<String, Fetcher> fetchers = new ConcurrentHashMap<>();
    static final int MAX_USER_AGENTS = 10_000;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(PollRecorder::sha256);
    private volatile Day today = new Day(Long.MIN_VALUE, null);
    private final ThreadLocal<Hashed> lastHashed = new ThreadLocal<>();

    public PollRecorder(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A poll of {@code feed} in {@code format} answered with {@code status} (200, 226 or 304) to a client at
     * {@code address} sending {@code userAgent}: memory only.
     */
    public void record(String feed, String format, int status, String address, String userAgent) {
        Instant now = clock.instant();
        LocalDate day = day(now);
        Fetcher fetcher = fetcher(userAgent);
        Tally tally = tallies.computeIfAbsent(new PollKey(day, feed, format, fetcher.name()), k -> new Tally());
        tally.polls.increment();
        if (status == 304) {
            tally.notModified.increment();
        }
        if (fetcher.subscribers() != null) {
            announced.computeIfAbsent(new FetcherDay(day, feed, fetcher.name()), k -> new AtomicReference<>())
                    .set(new Announced(fetcher.subscribers(), now));
            return;
        }
        byte[] salt = salts.get(day);
        if (salt != null) { // absent only in the seconds after midnight before the first flush of the day
            pollers.computeIfAbsent(new FeedDay(day, feed), k -> ConcurrentHashMap.newKeySet())
                    .add(hashed(salt, address, userAgent));
        }
    }

    private LocalDate day(Instant now) {
        long number = Math.floorDiv(now.getEpochSecond(), SECONDS_PER_DAY);
        Day day = today;
        if (day.number() != number) {
            day = new Day(number, LocalDate.ofEpochDay(number));
            today = day;
        }
        return day.date();
    }

    private long hashed(byte[] salt, String address, String userAgent) {
        Hashed last = lastHashed.get();
        if (last != null && last.salt() == salt && Objects.equals(last.address(), address)
                && Objects.equals(last.userAgent(), userAgent)) {
            return last.hash();
        }
        long hash = poller(salt, address, userAgent);
        lastHashed.set(new Hashed(salt, address, userAgent, hash));
        return hash;
    }

    /** A User-Agent read once: pollers repeat theirs on every poll, and reading one takes a few regular expressions. */
    private Fetcher fetcher(String userAgent) {
        if (userAgent == null) {
            return Fetcher.of(null);
        }
        Fetcher known = fetchers.get(userAgent);
        if (known == null) {
            if (fetchers.size() >= MAX_USER_AGENTS) {
                fetchers.clear(); // a flood of made-up User-Agents costs a re-read, never memory
            }
            known = Fetcher.of(userAgent);
            fetchers.put(userAgent, known);
        }
        return known;
    }

    @EventListener
    @Transactional
    public void onStartup(StartupEvent event) {
        loadSalts();
    }

    /** Writes what was counted since the last flush, and makes sure today's and tomorrow's salts are at hand. */
    @Scheduled(fixedDelay = "10s", initialDelay = "10s")
    @Transactional
    public void flush() {
        try {
            loadSalts();
            write();
        } catch (RuntimeException e) {
            LOG.warn("Poll statistics could not be written; they are kept for the next attempt", e);
        }
    }

    /** On shutdown, once requests in flight have finished and before the connection pool closes. */
    @EventListener
    @Transactional
    public void onShutdown(ShutdownEvent event) {
        flush();
    }

    @PreDestroy
    @Transactional
    public void close() {
        flush();
    }

    /** Statistics older than a year and a month go, once a day. */
    @Scheduled(fixedDelay = "24h", initialDelay = "1h")
    @Transactional
    public void prune() {
        Date before = Date.valueOf(day(clock.instant()).minusDays(400));
        for (String table : List.of("poll_day", "poll_subscribers", "poll_poller", "poll_salt")) {
            jdbc.prepareStatement("DELETE FROM " + table + " WHERE utc_day < ?", ps -> {
                ps.setDate(1, before);
                return ps.executeUpdate();
            });
        }
    }

    private void loadSalts() {
        LocalDate today = day(clock.instant());
        salts.keySet().removeIf(day -> day.isBefore(today));
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            if (!salts.containsKey(day)) {
                salts.put(day, HexFormat.of().parseHex(salt(day)));
            }
        }
    }

    /** The day's salt: the one another instance made, or a new one. */
    private String salt(LocalDate day) {
        byte[] fresh = new byte[16];
        random.nextBytes(fresh);
        Statements.batch(jdbc, "INSERT INTO poll_salt (utc_day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING",
                List.<Object[]>of(new Object[]{Date.valueOf(day), HexFormat.of().formatHex(fresh)}));
        return jdbc.prepareStatement("SELECT salt FROM poll_salt WHERE utc_day = ?", ps -> {
            ps.setDate(1, Date.valueOf(day));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private synchronized void write() {
        LocalDate today = day(clock.instant());
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> adds = new ArrayList<>();
        tallies.forEach((key, tally) -> {
            long polls = tally.polls.sumThenReset();
            long notModified = tally.notModified.sumThenReset();
            if (polls > 0 || notModified > 0) {
                Date day = Date.valueOf(key.day());
                keys.add(new Object[]{day, key.feed(), key.format(), key.fetcher()});
                adds.add(new Object[]{polls, notModified, day, key.feed(), key.format(), key.fetcher()});
            } else if (key.day().isBefore(today)) {
                tallies.remove(key); // a past day's tally that is written: a poll of today cannot reach it
            }
        });
        List<Object[]> subscriberKeys = new ArrayList<>();
        List<Object[]> subscriberSets = new ArrayList<>();
        announced.forEach((key, latest) -> {
            Announced a = latest.getAndSet(null);
            if (a != null) {
                Date day = Date.valueOf(key.day());
                var at = a.at().atOffset(ZoneOffset.UTC);
                subscriberKeys.add(new Object[]{day, key.feed(), key.fetcher(), a.subscribers(), at});
                subscriberSets.add(new Object[]{a.subscribers(), at, day, key.feed(), key.fetcher(), at});
            } else if (key.day().isBefore(today)) {
                announced.remove(key);
            }
        });
        List<Object[]> pollerRows = new ArrayList<>();
        pollers.forEach((key, hashes) -> {
            for (Long hash : hashes) {
                hashes.remove(hash);
                pollerRows.add(new Object[]{Date.valueOf(key.day()), key.feed(), hash});
            }
            if (key.day().isBefore(today) && hashes.isEmpty()) {
                pollers.remove(key);
            }
        });
        if (keys.isEmpty() && subscriberKeys.isEmpty() && pollerRows.isEmpty()) {
            return;
        }
        store(keys, adds, subscriberKeys, subscriberSets, pollerRows);
    }

    private void store(List<Object[]> keys, List<Object[]> adds, List<Object[]> subscriberKeys, List<Object[]> subscriberSets,
               List<Object[]> pollerRows) {
        Statements.batch(jdbc, "INSERT INTO poll_day (utc_day, feed, format, fetcher, polls, not_modified)"
                + " VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT DO NOTHING", keys);
        Statements.batch(jdbc, "UPDATE poll_day SET polls = polls + ?, not_modified = not_modified + ?"
                + " WHERE utc_day = ? AND feed = ? AND format = ? AND fetcher = ?", adds);
        Statements.batch(jdbc, "INSERT INTO poll_subscribers (utc_day, feed, fetcher, subscribers, seen_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", subscriberKeys);
        // the latest announcement wins, whichever instance heard it
        Statements.batch(jdbc, "UPDATE poll_subscribers SET subscribers = ?, seen_at = ?"
                + " WHERE utc_day = ? AND feed = ? AND fetcher = ? AND seen_at <= ?", subscriberSets);
        Statements.batch(jdbc, "INSERT INTO poll_poller (utc_day, feed, poller) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                pollerRows);
    }

    /** The first 8 bytes of SHA-256(salt, address, User-Agent): who polled, without the address. */
    static long poller(byte[] salt, String address, String userAgent) {
        MessageDigest sha = SHA_256.get();
        sha.reset(); // in case an earlier hash on this thread stopped half-way
        sha.update(salt);
        sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(sha.digest()).getLong(); // digest() also resets it for the next poller
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
