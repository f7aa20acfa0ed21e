package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The next value of a table's {@code id} identity column, read and moved alike on H2 and PostgreSQL. A row inserted
 * with an id of its own does not move the identity: after such rows, {@link #continuePast} must.
 * Table names are Broadsheet's own, never input.
 */
@Singleton
public class Identities {

    private final JdbcOperations jdbc;
    private final Database database;

    public Identities(JdbcOperations jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The id the table's next row gets (ids handed out and then deleted lie below it). */
    @ReadOnly
    public long next(String table) {
        return jdbc.execute(connection -> database.isPostgres() ? nextOnPostgres(connection, table)
                : single(connection, "SELECT identity_base FROM information_schema.columns"
                        + " WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND column_name = 'id'", table));
    }

    /**
     * Moves the table's identity so that the next row's id is at least {@code atLeast} and above every stored id;
     * never lowers it. Returns the next id. (H2 commits the caller's transaction at this statement.)
     */
    @Transactional
    public long continuePast(String table, long atLeast) {
        long highest = jdbc.execute(connection -> single(connection, "SELECT COALESCE(MAX(id), 0) FROM " + table));
        long next = Math.max(Math.max(atLeast, highest + 1), next(table));
        jdbc.prepareStatement("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next, PreparedStatement::execute);
        return next;
    }

    private static long nextOnPostgres(Connection connection, String table) throws SQLException {
        String sequence;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                sequence = rs.getString(1);
            }
        }
        // the name comes quoted from the database; last_value was handed out only once is_called is set
        return single(connection, "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM " + sequence);
    }

    private static long single(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Statements.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
