package io.broadsheet.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves by hand; replaces the system clock where {@code broadsheet.test.mutable-clock} is true. */
@Singleton
@Replaces(Clock.class)
@Requires(property = "broadsheet.test.mutable-clock", value = "true")
public class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-01-01T12:00:00Z");

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
