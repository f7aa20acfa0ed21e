package io.broadsheet.newsroom;

import io.broadsheet.fediverse.Actors;
import io.broadsheet.fediverse.DeliveryLog;
import io.broadsheet.storage.DeliveryRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's "Fediverse" panel: each feed with followers (its handle and their count, from one grouped query),
 * the deliveries it has queued, due and the oldest due one (every instance's queue: it is in the database), and
 * the latest deliveries this instance did not complete.
 */
@Singleton
public class FediversePanel {

    /** Failures shown; the log keeps {@value DeliveryLog#KEPT}. */
    static final int FAILURES = 20;

    private final DeliveryRepository deliveries;
    private final DeliveryLog log;
    private final Actors actors;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public FediversePanel(DeliveryRepository deliveries, DeliveryLog log, Actors actors,
                   TransactionOperations<Connection> transactions, Clock clock) {
        this.deliveries = deliveries;
        this.log = log;
        this.actors = actors;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A feed's line: {@code oldestDue} empty when nothing is due. */
    public record FeedRow(String feed, String handle, long followers, long queued, long due, String oldestDue) {
    }

    /** A delivery that did not complete. */
    public record FailureRow(String at, String feed, String host, String outcome, String answer, int attempts) {
    }

    public record Panel(List<FeedRow> feeds, List<FailureRow> failures) {
    }

    public Panel panel() {
        Instant now = clock.instant();
        return transactions.executeRead(status -> {
            Map<String, Long> followers = deliveries.followerCounts();
            Map<String, DeliveryRepository.Queued> queued = deliveries.queued(now);
            Set<String> names = new LinkedHashSet<>(followers.keySet());
            names.addAll(queued.keySet());
            List<FeedRow> rows = new ArrayList<>();
            for (String feed : names) {
                DeliveryRepository.Queued q = queued.getOrDefault(feed, new DeliveryRepository.Queued(0, 0, null));
                rows.add(new FeedRow(feed, actors.handle(feed), followers.getOrDefault(feed, 0L), q.queued(), q.due(),
                        q.oldestDue() == null ? "" : seconds(q.oldestDue())));
            }
            return new Panel(rows, failures());
        });
    }

    private List<FailureRow> failures() {
        return log.latest().stream().limit(FAILURES).map(f -> new FailureRow(seconds(f.at()), f.feed(), f.host(),
                f.outcome(), f.error() != null ? f.error() : "HTTP " + f.status(), f.attempts())).toList();
    }

    private static String seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
