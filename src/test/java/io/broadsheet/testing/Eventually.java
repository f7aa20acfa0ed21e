package io.broadsheet.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits, with a deadline, for server state that is updated after (or while) an answer is sent: counters, statistics,
 * logs, requests a test receiver gets. A bounded poll, never a fixed sleep: on a busy machine the state comes late,
 * on an idle one the wait is short.
 */
public final class Eventually {

    /** Long enough for a machine busy with other builds; a test that passes waits far less. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long PAUSE_MILLIS = 20;

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} once {@link #PATIENCE} is spent. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            pause();
        }
    }

    /**
     * Waits until {@code actual} gives {@code expected}; fails, naming both, once {@link #PATIENCE} is spent.
     *
     * @return the value, equal to {@code expected}
     */
    public static <T> T equals(T expected, Supplier<T> actual, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T value = actual.get();
        while (!Objects.equals(expected, value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " ==> expected: <" + expected + "> but was: <" + value + "> after "
                        + PATIENCE.toSeconds() + " s");
            }
            pause();
            value = actual.get();
        }
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
