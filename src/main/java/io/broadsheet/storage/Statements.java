package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** JDBC batches and parameters, the same for every table written row by row. */
public final class Statements {

    private Statements() {
    }

    /** Runs {@code sql} once per row in one batch, on the caller's transaction; the update count of each row. */
    public static int[] batch(JdbcOperations jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return jdbc.prepareStatement(sql, ps -> {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Sets the statement's parameters in order. */
    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}
