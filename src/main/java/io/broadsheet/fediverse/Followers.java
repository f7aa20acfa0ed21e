package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.storage.FollowerRepository;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who follows which feed actor ({@code fediverse_follower}). Each method joins the caller's transaction, or runs in
 * one of its own. At start-up the followers on domains feeds-config blocks are removed.
 */
@Singleton
public class Followers {

    private static final Logger LOG = LoggerFactory.getLogger(Followers.class);

    /** How long a feed's count is kept. */
    static final Duration COUNT_MAX_AGE = Duration.ofSeconds(5);
    /** Counts kept at most (one per feed asked for); all go when it is reached. */
    private static final int MAX_COUNTS = 1_000;

    private record Counted(long followers, long at) {
    }

    private final Map<String, Counted> counts = new ConcurrentHashMap<>();
    private final FollowerRepository rows;
    private final TransactionOperations<Connection> transactions;
    private final FeedsConfig config;
    /** {@link FediverseSettings#maxInboxesPerDomain()}. */
    private final int maxInboxesPerDomain;

    public Followers(FollowerRepository rows, TransactionOperations<Connection> transactions, FeedsConfig config,
                     FediverseSettings settings) {
        this.maxInboxesPerDomain = settings.maxInboxesPerDomain();
        this.rows = rows;
        this.transactions = transactions;
        this.config = config;
    }

    /**
     * A feed's followers, read at most every {@link #COUNT_MAX_AGE} per feed: counting 100,000 followers takes about
     * 30 ms on PostgreSQL, and the followers collection is public. A write on this instance drops the counts kept;
     * another instance's shows here within {@link #COUNT_MAX_AGE}.
     */
    public long count(String feed) {
        long now = System.nanoTime();
        Counted kept = counts.get(feed);
        if (kept != null && now - kept.at() < COUNT_MAX_AGE.toNanos()) {
            return kept.followers();
        }
        long followers = transactions.executeRead(status -> rows.count(feed));
        if (counts.size() >= MAX_COUNTS) {
            counts.clear();
        }
        counts.put(feed, new Counted(followers, now));
        return followers;
    }

    /** When the feed gained its earliest current follower. */
    public Optional<Instant> firstFollowedAt(String feed) {
        return transactions.executeRead(status -> rows.firstFollowedAt(feed));
    }

    /**
     * Stores a follower of {@code feed}, or refreshes one that follows already (keeping when it first followed);
     * deliveries go to its shared inbox when it has one. True when it is a new follower. A follower whose delivery
     * inbox would be the {@link FediverseSettings#maxInboxesPerDomain()}+1st distinct one of its domain is refused, and nothing stored.
     */
    public boolean follow(String feed, String actor, String inbox, String sharedInbox, String followId, Instant now) {
        String delivery = sharedInbox != null ? sharedInbox : inbox;
        String domain = domain(actor);
        FollowerRepository.Follower row = new FollowerRepository.Follower(feed, actor, inbox, sharedInbox, delivery,
                domain, followId, now);
        counts.clear();
        return transactions.executeWrite(status -> {
            if (!rows.deliversTo(domain, delivery) && rows.deliveryInboxes(domain) >= maxInboxesPerDomain) {
                throw new SenderRefusedException("There are too many inboxes on " + domain + ": its followers are"
                        + " delivered to " + maxInboxesPerDomain + " distinct inboxes already; a follower delivered to"
                        + " one of them (a shared inbox) can still follow. Nothing was stored.");
            }
            return rows.upsert(row);
        });
    }

    /** Removes the actor from the feed's followers; true when it was one. */
    public boolean unfollow(String feed, String actor) {
        counts.clear();
        return transactions.executeWrite(status -> rows.delete(feed, actor)) > 0;
    }

    /** Removes the follow an actor made with this Follow id; how many rows went (0 or 1). */
    public int unfollowByFollowId(String actor, String followId) {
        counts.clear();
        return transactions.executeWrite(status -> rows.deleteByFollowId(actor, followId));
    }

    /** Removes the actor from every feed's followers (its account was deleted); how many rows went. */
    public int removeActor(String actor) {
        counts.clear();
        return transactions.executeWrite(status -> rows.deleteActor(actor));
    }

    /** True when the actor follows any feed. */
    public boolean follows(String actor) {
        return transactions.executeRead(status -> rows.follows(actor));
    }

    /** Removes every follower on a domain feeds-config blocks (each with its subdomains); how many rows went. */
    public int removeBlockedDomains() {
        counts.clear();
        return transactions.executeWrite(status -> {
            int removed = 0;
            for (String domain : rows.domains()) {
                if (config.blocksDomain(domain)) {
                    removed += rows.deleteDomain(domain);
                }
            }
            return removed;
        });
    }

    /** Removes the followers, of every feed, whose deliveries go to this inbox (it answered 410 Gone). */
    public int removeByDeliveryInbox(String deliveryInbox) {
        counts.clear();
        return transactions.executeWrite(status -> rows.deleteByDeliveryInbox(domain(deliveryInbox), deliveryInbox));
    }

    /** The host of an actor or inbox URL in lower case: the domain a follower is on. */
    static String domain(String url) {
        return ActorDocument.host(url);
    }

    @EventListener
    void removeBlockedAtStart(StartupEvent event) {
        if (config.blockedDomains().isEmpty()) {
            return;
        }
        int removed = removeBlockedDomains();
        if (removed > 0) {
            LOG.info("Fediverse: removed {} follower(s) on blocked domains {}", removed, config.blockedDomains());
        }
    }
}
