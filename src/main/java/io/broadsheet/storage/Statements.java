package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** JDBC batches, parameters and id queries, written once for every table. */
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

    /** The first column of every row a query answers, as longs (ids). */
    public static List<Long> longs(JdbcOperations jdbc, String sql, Object... params) {
        return column(jdbc, sql, rs -> rs.getLong(1), params);
    }

    /** The first column of every row a query answers, as strings. */
    public static List<String> strings(JdbcOperations jdbc, String sql, Object... params) {
        return column(jdbc, sql, rs -> rs.getString(1), params);
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> column(JdbcOperations jdbc, String sql, Column<T> column, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, params);
            List<T> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(column.read(rs));
                }
            }
            return values;
        });
    }

    /** {@code n} parameter markers for an {@code IN} list: "?, ?, ?". */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Sets the statement's parameters in order. */
    public static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}
