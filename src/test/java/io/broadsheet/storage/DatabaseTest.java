package io.broadsheet.storage;

import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one answer to "which database is this": the bean, and the static rule a Flyway Java migration uses. */
@Tag("database")
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseTest implements TestPropertyProvider {

    @Inject
    Database database;
    @Value("${datasources.default.url}")
    String url;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.unmigratedProperties(getClass().getSimpleName()); // the service's own start migrates V1 to V9
    }

    private static Database.Kind expected() {
        return TestDatabase.isPostgres() ? Database.Kind.POSTGRESQL : Database.Kind.H2;
    }

    @Test
    void theBeanNamesTheDatabaseTheSuiteRunsOn() {
        assertEquals(expected(), database.kind(), "on a suite run on " + TestDatabase.kind());
        assertEquals(!TestDatabase.isPostgres(), database.isH2(), "isH2");
        assertEquals(TestDatabase.isPostgres(), database.isPostgres(), "isPostgres");
    }

    @Test
    void aConnectionIsNamedByTheSameRuleAsTheBean() throws SQLException {
        try (Connection connection = TestDatabase.connect(url)) { // as a migration gets one: no bean around it
            assertEquals(database.kind(), Database.kindOf(connection), "kindOf(connection) vs the bean");
        }
    }
}
