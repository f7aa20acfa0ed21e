package io.broadsheet.fediverse;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest {@value #KEPT} deliveries this instance did not complete (retried, given up or dropped), newest first,
 * kept in memory since it started, for the newsroom. Nothing is written anywhere: the log has every outcome.
 */
@Singleton
public class DeliveryLog {

    /** Failures kept; older ones are dropped. */
    public static final int KEPT = 100;

    /** Guarded by itself. */
    private final Deque<Failure> failures = new ArrayDeque<>();

    /**
     * One delivery attempt that did not complete.
     *
     * @param at       when it settled
     * @param feed     the sending feed
     * @param host     the inbox's host
     * @param outcome  {@code retried}, {@code gave_up} or {@code dropped}
     * @param status   the inbox's HTTP status, or 0 when no answer came
     * @param error    why no answer came, or null
     * @param attempts the attempts made so far, this one included
     */
    public record Failure(Instant at, String feed, String host, String outcome, int status, String error,
                          int attempts) {
    }

    void record(Failure failure) {
        synchronized (failures) {
            if (failures.size() == KEPT) {
                failures.removeLast();
            }
            failures.addFirst(failure);
        }
    }

    /** The latest failures, newest first. */
    public List<Failure> latest() {
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }
}
