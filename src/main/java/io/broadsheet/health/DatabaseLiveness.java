package io.broadsheet.health;

import io.broadsheet.storage.Database;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Down when the database can no longer be used (an embedded H2 closed after a failure, a closed connection pool):
 * nothing but a restart brings the service back then. A busy pool (no connection free in time) or a slow answer is
 * no reason to restart: that is readiness's business, so it counts as up. One check at a time, on a thread of its
 * own, so that a flood that fills the blocking executor cannot hold liveness up.
 */
@Singleton
@Liveness
public class DatabaseLiveness implements HealthIndicator {

    static final String NAME = "databaseAlive";
    private static final long ANSWER_SECONDS = 5;

    private final BeanProvider<Database> database;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "database-liveness");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<CompletableFuture<HealthResult>> check = new AtomicReference<>();

    public DatabaseLiveness(BeanProvider<Database> database) {
        this.database = database;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> current()
                .completeOnTimeout(result(HealthStatus.UP, "no answer within " + ANSWER_SECONDS + " s: busy"),
                        ANSWER_SECONDS, TimeUnit.SECONDS));
    }

    /**
     * The check under way, or a new one once the last has answered: probes that come while one waits share it, so
     * a flood of probes queues nothing (the caller gets a copy, which its time-out completes, never the check).
     */
    private CompletableFuture<HealthResult> current() {
        CompletableFuture<HealthResult> running = check.get();
        if (running != null && !running.isDone()) {
            return running.copy();
        }
        CompletableFuture<HealthResult> started = new CompletableFuture<>();
        if (!check.compareAndSet(running, started)) {
            CompletableFuture<HealthResult> other = check.get();
            return other.copy();
        }
        checks.execute(() -> {
            try {
                started.complete(roundTrip());
            } catch (Throwable e) { // an Error: answered, so the next probe starts a check of its own
                started.completeExceptionally(e);
            }
        });
        return started.copy();
    }

    private HealthResult roundTrip() {
        try {
            boolean answered = database.get().ping();
            return answered ? result(HealthStatus.UP, "answered") : result(HealthStatus.DOWN, "no row from SELECT 1");
        } catch (RuntimeException e) {
            if (busy(e)) {
                return result(HealthStatus.UP, "no connection free in time: busy");
            }
            return HealthResult.builder(NAME, HealthStatus.DOWN).exception(e).build();
        }
    }

    /** Hikari's "connection is not available, request timed out": all connections in use, none broken. */
    private static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static HealthResult result(HealthStatus status, String database) {
        return HealthResult.builder(NAME, status).details(Map.of("database", database)).build();
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }
}
