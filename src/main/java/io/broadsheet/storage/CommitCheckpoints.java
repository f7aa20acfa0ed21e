package io.broadsheet.storage;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Makes every commit on H2 reach the file before the caller goes on: a {@code CHECKPOINT}
 * follows each {@code commit()}, so an answered write survives {@code kill -9}.
 *
 * <p>Why not {@code WRITE_DELAY=0}, which does the same by itself: it also stops H2's background housekeeping, the
 * only thing that rewrites half-empty chunks while the database is open, and the file then grew to 27 times
 * its data. With {@code WRITE_DELAY=500;RETENTION_TIME=0} housekeeping runs and frees each chunk once no live page
 * is left in it; these checkpoints keep the durability (see {@code org.h2.mvstore.FileStore#writeInBackground}).
 */
@Singleton
class CommitCheckpoints implements BeanCreatedEventListener<DataSource>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(CommitCheckpoints.class);

    private final Database database;

    CommitCheckpoints(Database database) {
        this.database = database;
    }

    /**
     * Right after {@link Database} has asked the pool which database it leads to, before the other listeners: it
     * wraps the pool itself, whose connections the transaction manager commits.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        if (!database.isH2()) {
            return dataSource;
        }
        LOG.debug("Every commit on {} is followed by a CHECKPOINT", dataSource.getClass().getSimpleName());
        return proxy(DataSource.class, dataSource, new DataSourceHandler(dataSource));
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CommitCheckpoints.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private record DataSourceHandler(DataSource target) implements InvocationHandler {

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            Object result = call(target, method, args);
            return result instanceof Connection connection
                    ? proxy(Connection.class, connection, new ConnectionHandler(connection)) : result;
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                return self;
            }
            boolean commit = method.getName().equals("commit") && method.getParameterCount() == 0;
            // a transaction that wrote nothing (every feed render) has nothing to write, and must not wait for the
            // store's lock while H2 compacts
            boolean wrote = commit && !Durability.isDeferred() && target.unwrap(JdbcConnection.class).getSession().hasPendingTransaction();
            Object result = call(target, method, args);
            if (wrote) {
                try (Statement statement = target.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            }
            return result;
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
