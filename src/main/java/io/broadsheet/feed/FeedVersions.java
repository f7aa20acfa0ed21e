package io.broadsheet.feed;

import io.broadsheet.storage.Durability;
import io.broadsheet.storage.FeedVersionRepository;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first pages served, by validator, in {@code feed_version}: the bases of RFC 3229 deltas. Kept in the
 * database so that a client which got a version from one instance can ask any other for the changes since; an
 * unknown validator is answered in full, never with a wrong delta. The versions this instance met lately are
 * also remembered in memory, so a delta from them reads nothing.
 */
@Singleton
public class FeedVersions {

    private static final Logger LOG = LoggerFactory.getLogger(FeedVersions.class);
    private static final String GZIP_SUFFIX = "-gzip";
    private static final int REMEMBERED = 4096;

    private final FeedVersionRepository versions;
    private final Durability durability;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final Duration kept;
    /** '<feed>.<ext> <etag>' to the version's Last-Modified; guarded by itself. */
    private final Map<String, Instant> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    public FeedVersions(FeedVersionRepository versions, Durability durability, TransactionOperations<Connection> transactions,
                        Clock clock,
                        FeedSettings settings) {
        this.versions = versions;
        this.durability = durability;
        this.transactions = transactions;
        this.clock = clock;
        this.kept = settings.deltaHistory();
    }

    /** Records a first page's validator (identity; the gzip one follows from it) and its Last-Modified. */
    void record(String name, FeedFormat format, String etag, Instant changedAt) {
        String feed = feed(name, format);
        String tag = unquote(etag);
        synchronized (recent) {
            if (recent.put(feed + " " + tag, changedAt) != null) {
                return;
            }
        }
        try {
            // losing this row in a crash only turns a later delta into a full answer: it waits for the next checkpoint
            durability.deferred(() -> transactions.executeWrite(status -> insert(feed, tag, changedAt)));
        } catch (RuntimeException e) {
            LOG.warn("Could not record version {} of {} ({}): a delta from it will be answered in full", tag, feed,
                    e.getMessage());
        }
    }

    private int insert(String feed, String tag, Instant changedAt) {
        return versions.insert(feed, tag, changedAt, clock.instant());
    }

    /** The Last-Modified of the first page whose validator (either coding's) is {@code etag}, if known. */
    public Optional<Instant> changedAt(String name, FeedFormat format, String etag) {
        String feed = feed(name, format);
        String tag = unquote(etag);
        if (tag.endsWith(GZIP_SUFFIX)) {
            tag = tag.substring(0, tag.length() - GZIP_SUFFIX.length());
        }
        synchronized (recent) {
            Instant known = recent.get(feed + " " + tag);
            if (known != null) {
                return Optional.of(known);
            }
        }
        // only a version this instance has not met reads the database (and takes a connection for it)
        String key = tag;
        return transactions.executeRead(status -> versions.changedAt(feed, key));
    }

    /** Versions older than {@code broadsheet.delta-history} (7 days) go: a client that old gets the whole page. */
    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    public void prune() {
        OffsetDateTime before = clock.instant().minus(kept).atOffset(ZoneOffset.UTC);
        int pruned = versions.deleteRecordedBefore(before);
        if (pruned > 0) {
            LOG.info("Forgot {} feed versions recorded before {}", pruned, before);
        }
    }

    private static String feed(String name, FeedFormat format) {
        return name + "." + format.extension();
    }

    private static String unquote(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }
}
