package io.broadsheet.testing;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** Tells {@link DatabaseTagGuard} that a service started in the test JVM opened its database. */
@Singleton
public class DataSourceWatch implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DatabaseTagGuard.opened();
        return event.getBean();
    }
}
