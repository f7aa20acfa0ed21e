package io.broadsheet.storage;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which database Broadsheet runs on, H2 or PostgreSQL, as the database names itself in its JDBC metadata: read
 * once, when the data source is made, before any other bean is handed it. Code that cannot be injected (a Flyway
 * Java migration) asks {@link #kindOf(Connection)}, the same rule. {@link #ping()} is the health checks' round trip.
 */
@Singleton
public class Database implements BeanCreatedEventListener<DataSource>, Ordered {

    /** The databases Broadsheet runs on. */
    public enum Kind {
        /** H2, embedded (the default set-up). */
        H2,
        /** PostgreSQL (several instances may share one). */
        POSTGRESQL
    }

    private final BeanProvider<DataSource> dataSource;
    /** Looked up at the first ping: the migrations run while the pool is being created. */
    private final BeanProvider<TransactionOperations<Connection>> transactions;
    private volatile Kind kind;

    Database(BeanProvider<DataSource> dataSource, BeanProvider<TransactionOperations<Connection>> transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Before every other listener: {@link CommitCheckpoints} asks which database this is as it wraps the pool. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource created = event.getBean();
        try (Connection connection = created.getConnection()) {
            kind = kindOf(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the database which one it is: " + e.getMessage(), e);
        }
        return created;
    }

    /** The database in use. */
    public Kind kind() {
        Kind known = kind;
        if (known == null) {
            dataSource.get(); // its creation tells this bean (onCreated)
            known = kind;
        }
        return known;
    }

    public boolean isH2() {
        return kind() == Kind.H2;
    }

    public boolean isPostgres() {
        return kind() == Kind.POSTGRESQL;
    }

    /**
     * One round trip, {@code SELECT 1} in a read-only transaction: true when a row came back; a database that cannot
     * be reached throws (the pool's time-out included).
     */
    public boolean ping() {
        return transactions.get().executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement();
                 ResultSet rs = statement.executeQuery("SELECT 1")) {
                return rs.next();
            }
        });
    }

    /** The database {@code connection} leads to, by the product name its metadata gives. */
    public static Kind kindOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equals(product)) {
            return Kind.H2;
        }
        if ("PostgreSQL".equals(product)) {
            return Kind.POSTGRESQL;
        }
        throw new IllegalStateException("Broadsheet runs on H2 or PostgreSQL; the configured database says it is '"
                + product + "'");
    }
}
