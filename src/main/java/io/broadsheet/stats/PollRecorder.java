package io.broadsheet.stats;

import io.broadsheet.stats.PollStore.FeedDay;
import io.broadsheet.storage.PollRepository;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts feed polls in memory, by day, feed, format and fetcher, and writes them every few seconds: a poll never
 * waits for the database. Also kept: the subscriber count each known reader last announced, and the distinct pollers
 * that announce none, as a sketch ({@link PollerSketch}) of salted hashes of address and fetcher name under the day's
 * salt (the address itself is never kept). Everything held is bounded by what the newsroom controls, never by what a
 * poller sends: a key is a day, an existing feed (only answered polls are counted), a format and one of
 * {@link Fetcher#names()}, and a feed's day holds one sketch of fixed size however many pollers come.
 * Rows are added to, so several instances' counts add up; each day's salt is shared through the database.
 */
@Singleton
public class PollRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(PollRecorder.class);

    private record PollKey(LocalDate day, String feed, String format, String fetcher) {
    }

    private record FetcherDay(LocalDate day, String feed, String fetcher) {
    }

    private record Announced(long subscribers, Instant at) {
    }

    /** A day by its number since the epoch: polls of one day share one LocalDate. */
    private record Day(long number, LocalDate date) {
    }

    /** The poller a thread hashed last: a keep-alive connection's polls repeat it, and hash it only once. */
    private record Hashed(byte[] salt, String address, String fetcher, long hash) {
    }

    private static final class Tally {
        final LongAdder polls = new LongAdder();
        final LongAdder notModified = new LongAdder();
    }

    private final PollRepository polls;
    private final PollStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<PollKey, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<FetcherDay, AtomicReference<Announced>> announced = new ConcurrentHashMap<>();
    private final Map<FeedDay, PollerSketch> pollers = new ConcurrentHashMap<>();
    /** Today's and tomorrow's salts, loaded ahead by {@link #flush}: a poll never reads the database for one. */
    private final Map<LocalDate, byte[]> salts = new ConcurrentHashMap<>();
    /** User-Agents already read, up to {@value #MAX_USER_AGENT_CHARS} characters each; emptied when it is full. */
    private final Map<String, Fetcher> fetchers = new ConcurrentHashMap<>();
    static final int MAX_USER_AGENTS = 4_096;
    /** Longer User-Agents are read every time rather than kept: the cache holds at most 4,096 x 256 characters. */
    static final int MAX_USER_AGENT_CHARS = 256;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(PollRecorder::sha256);
    private volatile Day today = new Day(Long.MIN_VALUE, null);
    private final ThreadLocal<Hashed> lastHashed = new ThreadLocal<>();

    public PollRecorder(PollRepository polls, PollStore store, Clock clock) {
        this.polls = polls;
        this.store = store;
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
            pollers.computeIfAbsent(new FeedDay(day, feed), k -> new PollerSketch())
                    .add(hashed(salt, address, fetcher.name()));
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

    private long hashed(byte[] salt, String address, String fetcher) {
        Hashed last = lastHashed.get();
        if (last != null && last.salt() == salt && Objects.equals(last.address(), address)
                && last.fetcher().equals(fetcher)) {
            return last.hash();
        }
        long hash = poller(salt, address, fetcher);
        lastHashed.set(new Hashed(salt, address, fetcher, hash));
        return hash;
    }

    /** A User-Agent read once: pollers repeat theirs on every poll, and reading one takes a few regular expressions. */
    private Fetcher fetcher(String userAgent) {
        if (userAgent == null || userAgent.length() > MAX_USER_AGENT_CHARS) {
            return Fetcher.of(userAgent);
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
        while (store.foldOldPollers()) {
            LOG.info("Folded poll statistics of an earlier version into sketches of distinct pollers");
        }
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
        polls.deleteBefore(Date.valueOf(day(clock.instant()).minusDays(400)));
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
        return polls.salt(day, HexFormat.of().formatHex(fresh));
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
        // locked in one order by every instance (day, then feed), so that two flushes never wait on each other
        Map<FeedDay, PollerSketch> changed = new TreeMap<>(
                Comparator.comparing(FeedDay::day).thenComparing(FeedDay::feed));
        pollers.forEach((key, sketch) -> {
            if (sketch.takeChanged()) {
                changed.put(key, sketch);
            } else if (key.day().isBefore(today)) {
                pollers.remove(key); // written, and a poll of today cannot reach it
            }
        });
        try {
            store.addPolls(keys, adds);
            store.announce(subscriberKeys, subscriberSets);
            store.mergePollers(changed);
        } catch (RuntimeException e) {
            changed.values().forEach(PollerSketch::markChanged); // merging is idempotent: the next flush tries again
            throw e;
        }
    }

    /**
     * The first 8 bytes of SHA-256(salt, address, fetcher name): who polled, without the address. The name, not the
     * whole User-Agent: a client that makes up a User-Agent per poll is still one poller.
     */
    static long poller(byte[] salt, String address, String fetcher) {
        MessageDigest sha = SHA_256.get();
        sha.reset(); // in case an earlier hash on this thread stopped half-way
        sha.update(salt);
        sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(fetcher.getBytes(StandardCharsets.UTF_8));
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
