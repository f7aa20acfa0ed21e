package io.broadsheet.health;

import io.broadsheet.storage.Database;
import io.micronaut.context.BeanProvider;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.flyway.event.MigrationFinishedEvent;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readiness stays down until the migrations ran and the database answered once. */
class DatabaseReadinessTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static HealthResult result(DatabaseReadiness readiness) {
        return Mono.from(readiness.getResult()).block();
    }

    private static BeanProvider<Database> unreachable() {
        return () -> {
            throw new IllegalStateException("the database is unreachable");
        };
    }

    @Test
    void downUntilTheMigrationsHaveRun() {
        BeanProvider<Database> untouched = () -> {
            throw new AssertionError("no query before the migrations");
        };
        HealthResult result = result(new DatabaseReadiness(untouched, executor, true));
        assertEquals(HealthStatus.DOWN, result.getStatus());
        assertEquals(Map.of("migrations", "not run yet"), result.getDetails());
    }

    @Test
    void downWhileTheDatabaseCannotAnswerAfterTheMigrations() {
        DatabaseReadiness readiness = new DatabaseReadiness(unreachable(), executor, true);
        readiness.onApplicationEvent(new MigrationFinishedEvent(new FlywayConfigurationProperties("default")));
        assertEquals(HealthStatus.DOWN, result(readiness).getStatus());
    }
}
