package io.broadsheet.health;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A stop the process cannot refuse: from SIGTERM (the JVM's shutdown) it has {@code broadsheet.shutdown-deadline}
 * (BROADSHEET_SHUTDOWN_DEADLINE, 30 s: the 20 s grace period for requests in flight, then the beans' stop) and is
 * halted after that, whatever still runs: a heap too full to finish, a stuck connection, a thread that never ends.
 * The database does not depend on a clean stop: every answered write is on disk (CommitCheckpoints).
 */
@Context
public class ShutdownDeadline {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDeadline.class);
    /** The exit status of a halted stop. */
    static final int STATUS = 1;

    private final Thread hook;

    public ShutdownDeadline(ShutdownSettings settings) {
        Duration deadline = settings.shutdownDeadline();
        this.hook = new Thread(() -> watch(deadline), "shutdown-deadline-hook");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Runs in the JVM's shutdown: starts the watch and returns, so that a clean stop ends as soon as it is done. */
    private static void watch(Duration deadline) {
        Thread watch = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            LOG.error("The service had not stopped {} after it was asked to: halting", deadline);
            Runtime.getRuntime().halt(STATUS);
        }, "shutdown-deadline");
        watch.setDaemon(true);
        watch.start();
    }

    /** A context stopped without the JVM (tests, an embedding application) leaves no hook behind. */
    @PreDestroy
    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook has already run, which is what it is for
        }
    }
}
