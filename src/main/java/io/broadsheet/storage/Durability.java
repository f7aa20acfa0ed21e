package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.util.function.Supplier;

/**
 * When a commit must be on disk. By default each one is, before the caller answers ({@link CommitCheckpoints}).
 * A bulk import answers once, at its end: its chunks commit without waiting for the file, and one checkpoint
 * before the answer makes them all durable at once.
 */
@Singleton
public class Durability {

    private static final ThreadLocal<Boolean> DEFERRED = ThreadLocal.withInitial(() -> false);

    private final JdbcOperations jdbc;
    private final Database database;

    public Durability(JdbcOperations jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Runs {@code work}, whose commits on this thread reach the file at the next {@link #checkpoint()}. */
    public <T> T deferred(Supplier<T> work) {
        boolean outer = DEFERRED.get();
        DEFERRED.set(true);
        try {
            return work.get();
        } finally {
            DEFERRED.set(outer);
        }
    }

    /** Runs the service's start-up, whose commits on this thread reach the file at the next checkpoint. */
    public static void startingUp(Runnable startUp) {
        DEFERRED.set(true);
        try {
            startUp.run();
        } finally {
            DEFERRED.remove();
        }
    }

    /** Writes every commit so far to the file. */
    @Transactional
    public void checkpoint() {
        if (database.isH2()) { // PostgreSQL makes each commit durable itself
            jdbc.prepareStatement("CHECKPOINT", PreparedStatement::execute);
        }
    }

    static boolean isDeferred() {
        return DEFERRED.get();
    }
}
