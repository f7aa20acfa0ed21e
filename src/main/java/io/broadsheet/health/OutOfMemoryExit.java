package io.broadsheet.health;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * A JVM out of memory stops rather than limps on: half-working threads, a database its store closed, liveness still up.
 * The sure way is the JVM flag {@code -XX:+ExitOnOutOfMemoryError}, which every documented start uses; HotSpot cannot
 * set it at run time (it is a product flag, not a manageable one), so at start a missing flag is logged as a warning,
 * and an OutOfMemoryError that reaches the top of any thread halts the process (exit status 3, as the flag does).
 * Errors that a framework catches (an executor's future, Netty's pipeline) only the flag covers.
 */
@Context
public class OutOfMemoryExit {

    private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryExit.class);
    static final String FLAG = "-XX:+ExitOnOutOfMemoryError";
    /** The exit status of a halt on OutOfMemoryError, as the JVM's own flag uses. */
    static final int STATUS = 3;

    public OutOfMemoryExit() {
        if (!exitsOnOutOfMemory(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            LOG.warn("The JVM was started without {}: start it with java {} -jar ..., so that it stops when its heap"
                    + " is exhausted instead of serving half-broken", FLAG, FLAG);
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError) {
                Runtime.getRuntime().halt(STATUS); // no logging: it may need the memory that is missing
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                thread.getThreadGroup().uncaughtException(thread, error);
            }
        });
    }

    /** Whether the JVM's arguments make it stop on an OutOfMemoryError. */
    static boolean exitsOnOutOfMemory(List<String> arguments) {
        return arguments.contains(FLAG) || arguments.contains("-XX:+CrashOnOutOfMemoryError")
                || arguments.stream().anyMatch(a -> a.startsWith("-XX:OnOutOfMemoryError="));
    }
}
