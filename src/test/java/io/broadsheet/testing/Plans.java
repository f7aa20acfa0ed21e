package io.broadsheet.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Query plans for plan tests: bare article rows to plan against, and a statement's plan with its parameters. */
public final class Plans {

    private Plans() {
    }

    /** The plan of {@code sql} with these parameters, as {@code EXPLAIN} prints it on H2 or PostgreSQL. */
    public static String explain(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /**
     * Inserts {@code count} bare article rows (slugs {@code plan-0}...), a minute apart from 2022, enough that
     * PostgreSQL's planner weighs a real table (analysed after).
     */
    public static void insertBareArticles(Connection connection, int count) throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO article (slug, title, published_at,"
                + " created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < count; i++) {
                ps.setString(1, "plan-" + i);
                ps.setString(2, "Plan " + i);
                ps.setObject(3, at.plusMinutes(i));
                ps.setObject(4, at);
                ps.setObject(5, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (TestDatabase.isPostgres()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE article");
            }
        }
    }
}
