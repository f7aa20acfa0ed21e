package io.broadsheet.fediverse;

import io.broadsheet.storage.DeliveryRepository;
import io.broadsheet.storage.DeliveryRepository.Due;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * This instance's delivery worker: one daemon thread that takes due deliveries from the queue under a lease of
 * {@link #LEASE} (rows another instance holds are skipped) and hands them to at most {@code delivery-concurrency}
 * senders at once. It looks right after a commit that queued something, when a sender frees up, and every
 * {@link #POLL} otherwise (other instances' rows, retries that came due, leases that ran out).
 *
 * <p>The lease written when taking a row is also the token of that taking: now + {@link #LEASE} + a random number
 * of microseconds, and settling, retrying or giving the row back happens only while the row still holds it, so an
 * instance whose lease ran out and whose row another took over changes nothing. Instances take "now" from their own
 * clocks, which must agree within far less than the lease.
 */
@Singleton
public class Deliverer {

    /** How long a taken delivery is this instance's: far longer than an attempt may take. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration POLL = Duration.ofSeconds(1);
    /** The random part of a lease, in microseconds, that tells one taking from another. */
    private static final long LEASE_TOKEN_MICROS = 60_000_000;
    /** Activities whose last delivery two instances settled at once are removed this often (in polls). */
    private static final int SWEEP_EVERY = 600;
    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    private final DeliveryRepository rows;
    private final QueueWrites queueWrites;
    private final TransactionOperations<Connection> transactions;
    private final DeliveryAttempt attempt;
    private final FediverseSettings settings;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService senders;
    /** The deliveries being attempted, given back at shutdown if still unsettled. */
    private final Set<Due> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread worker;

    Deliverer(DeliveryRepository rows, TransactionOperations<Connection> transactions, QueueWrites queueWrites,
              DeliveryAttempt attempt, FediverseSettings settings, Clock clock) {
        this.rows = rows;
        this.queueWrites = queueWrites;
        this.transactions = transactions;
        this.attempt = attempt;
        this.settings = settings;
        this.clock = clock;
        this.slots = new Semaphore(settings.deliveryConcurrency());
        this.senders = Executors.newFixedThreadPool(settings.deliveryConcurrency(), r -> {
            Thread thread = new Thread(r, "fediverse-delivery");
            thread.setDaemon(true);
            return thread;
        });
    }

    @EventListener
    public synchronized void onStartup(StartupEvent event) {
        if (worker == null) {
            running = true;
            worker = new Thread(this::work, "fediverse-deliverer");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** After a commit that queued deliveries: the worker looks now. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    public void onQueued(DeliveriesQueued queued) {
        wake();
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void work() {
        int polls = 0;
        while (running) {
            try {
                int taken = takeDue();
                if (taken == 0 || slots.availablePermits() == 0) {
                    awaitSignal();
                }
                if (++polls % SWEEP_EVERY == 0) {
                    transactions.executeWrite(s -> rows.removeSettledActivities(clock.instant().minus(LEASE)));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not take due fediverse deliveries; trying again in {} s", POLL.toSeconds(), e);
                try {
                    awaitSignal();
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Takes as many due deliveries as there are free senders and starts them; how many it took. */
    private int takeDue() throws InterruptedException {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<Due> due = queueWrites.write(s -> rows.claim(now, leaseUntil(now), free));
        for (Due delivery : due) {
            slots.acquire();
            inFlight.add(delivery);
            senders.execute(() -> send(delivery));
        }
        return due.size();
    }

    /** The lease of a taking at {@code now}, in whole microseconds, unique to it: see the class comment. */
    static Instant leaseUntil(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS).plus(LEASE)
                .plus(ThreadLocalRandom.current().nextLong(LEASE_TOKEN_MICROS), ChronoUnit.MICROS);
    }

    /** One attempt on a sender; the delivery stays in flight only when a shutdown interrupted it unsettled. */
    private void send(Due delivery) {
        boolean interrupted = false;
        try {
            interrupted = !attempt.deliver(delivery);
        } catch (RuntimeException e) {
            LOG.warn("Delivery of activity {} to {} failed; its lease runs out and it is tried again",
                    delivery.activity(), delivery.inbox(), e);
        } finally {
            if (!interrupted) {
                inFlight.remove(delivery);
            }
            slots.release();
            wake();
        }
    }

    private void awaitSignal() throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(POLL.toMillis());
            }
            woken = false;
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(settings.deliveryTimeout().toMillis());
        }
        senders.shutdownNow();
        senders.awaitTermination(settings.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        releaseUnsettled();
    }

    /** Deliveries interrupted by the shutdown go back to the queue now rather than when their lease runs out. */
    private void releaseUnsettled() {
        try {
            transactions.executeWrite(s -> {
                inFlight.forEach(rows::release);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.info("{} leased deliveries are taken again when their lease runs out", inFlight.size(), e);
        }
    }
}
