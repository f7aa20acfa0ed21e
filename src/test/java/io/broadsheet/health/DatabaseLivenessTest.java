package io.broadsheet.health;

import com.zaxxer.hikari.HikariDataSource;
import io.broadsheet.testing.HttpTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liveness follows whether the database can still be used: up while it answers, 503 down once it cannot. */
@MicronautTest(transactional = false)
class DatabaseLivenessTest extends HttpTest {

    @Inject
    ApplicationContext context;

    @Test
    void livenessIsDownOnceTheDatabaseCanNoLongerBeUsed() throws Exception {
        var alive = http.getAsAdmin("/health/liveness"); // the indicators' names are details: the admin's
        assertEquals(200, alive.status(), alive.body());
        assertTrue(alive.body().contains("\"databaseAlive\""), "expected the databaseAlive indicator in " + alive.body());

        int closed = 0;
        for (DataSource source : context.getBeansOfType(DataSource.class)) {
            source.unwrap(HikariDataSource.class).close();
            closed++;
        }
        assertEquals(1, closed, "expected one connection pool to close");

        var dead = http.get("/health/liveness");
        assertEquals(503, dead.status(), "expected 503 once the pool is closed, got " + dead);
        assertTrue(dead.body().contains("\"DOWN\""), dead.body());
    }
}
