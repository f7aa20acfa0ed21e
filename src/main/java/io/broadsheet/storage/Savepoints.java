package io.broadsheet.storage;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/**
 * Work done inside the caller's transaction that may fail without failing it: under a JDBC savepoint, so that a
 * failure rolls back only what the work wrote (on PostgreSQL a failed statement would otherwise abort the whole
 * transaction).
 */
@Singleton
public class Savepoints {

    private final JdbcOperations jdbc;

    Savepoints(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code work} in the current transaction under a savepoint; when it throws, rolls back to the savepoint
     * and returns what it threw. A failure to set or roll back the savepoint (the database is gone) is thrown.
     */
    public Optional<RuntimeException> attempt(Runnable work) {
        Connection connection = jdbc.getConnection();
        Savepoint savepoint = savepoint(connection);
        try {
            work.run();
        } catch (RuntimeException e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
                throw new DataAccessException("Could not roll back to a savepoint: " + rollback.getMessage(), e);
            }
            return Optional.of(e);
        }
        release(connection, savepoint);
        return Optional.empty();
    }

    private static Savepoint savepoint(Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            throw new DataAccessException("Could not set a savepoint: " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection, Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new DataAccessException("Could not release a savepoint: " + e.getMessage(), e);
        }
    }
}
