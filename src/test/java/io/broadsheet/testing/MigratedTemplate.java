package io.broadsheet.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * A database that Flyway migrated once in this test JVM, from V1 to the last version, exactly as the service's own
 * start does; each test class gets a copy of it, so that the Flyway of its start-up finds nothing left to do. On H2
 * the copy is the template's closed file copied into the class's folder; on PostgreSQL it is
 * {@code CREATE DATABASE ... TEMPLATE}. Tests of the migrations themselves start from an empty database instead
 * ({@link TestDatabase#unmigratedProperties(String)}).
 */
final class MigratedTemplate {

    private static final String POSTGRES_TEMPLATE = "broadsheet_migrated_template";

    private static List<Path> h2Files;
    private static boolean postgresMigrated;

    private MigratedTemplate() {
    }

    /** Copies the migrated H2 database into {@code dir}, where {@link TestDatabase#url(String)} opens it. */
    static void copyH2Into(String dir) {
        try {
            Path target = Files.createDirectories(Path.of(dir));
            for (Path file : h2Files()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the migrated template database into " + dir, e);
        }
    }

    /** Creates {@code database} on the test PostgreSQL server as a copy of the migrated template. */
    static void createPostgresCopy(EmbeddedPostgres server, String database) {
        migratePostgres(server);
        execute(server, "CREATE DATABASE " + database + " TEMPLATE " + POSTGRES_TEMPLATE);
    }

    private static synchronized List<Path> h2Files() throws IOException {
        if (h2Files == null) {
            Path dir = Path.of("target/test-data/migrated-template-" + UUID.randomUUID());
            String url = TestDatabase.url(dir.toString());
            migrate(url, "sa", "");
            try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN"); // the file is complete and closed before it is copied
            } catch (SQLException e) {
                throw new IllegalStateException("Could not close the migrated template database " + url, e);
            }
            try (var files = Files.list(dir)) {
                h2Files = files.toList();
            }
        }
        return h2Files;
    }

    private static synchronized void migratePostgres(EmbeddedPostgres server) {
        if (!postgresMigrated) {
            execute(server, "CREATE DATABASE " + POSTGRES_TEMPLATE);
            migrate(server.getJdbcUrl("postgres", POSTGRES_TEMPLATE), "postgres", "");
            postgresMigrated = true;
        }
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
    }

    private static void execute(EmbeddedPostgres server, String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run on the test PostgreSQL: " + sql, e);
        }
    }
}
