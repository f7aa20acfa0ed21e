package io.broadsheet.health;

import io.broadsheet.storage.Database;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Ready once Flyway's migrations have run and a query has come back from the database; from then on the
 * framework's JDBC indicator reports the database's state. Liveness leaves the database out: an unreachable
 * database makes the service unready, not worth restarting.
 */
@Singleton
@Readiness
public class DatabaseReadiness implements HealthIndicator, ApplicationEventListener<MigrationFinishedEvent> {

    static final String NAME = "databaseReady";

    /** Looked up at the first check: the migrations run while the pool is being created. */
    private final BeanProvider<Database> database;
    private final ExecutorService blocking;
    private volatile boolean migrated;
    private volatile boolean answered;

    public DatabaseReadiness(BeanProvider<Database> database,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                             @Value("${flyway.datasources.default.enabled:false}") boolean migrations) {
        this.database = database;
        this.blocking = blocking;
        this.migrated = !migrations;
    }

    @Override
    public void onApplicationEvent(MigrationFinishedEvent event) {
        migrated = true;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (answered) {
            return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).build());
        }
        if (!migrated) {
            return Publishers.just(HealthResult.builder(NAME, HealthStatus.DOWN)
                    .details(Map.of("migrations", "not run yet")).build());
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::roundTrip, blocking));
    }

    private HealthResult roundTrip() {
        try {
            answered = database.get().ping();
            return HealthResult.builder(NAME, answered ? HealthStatus.UP : HealthStatus.DOWN).build();
        } catch (RuntimeException e) {
            return HealthResult.builder(NAME, HealthStatus.DOWN).exception(e).build();
        }
    }
}
