package io.broadsheet.limits;

import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code broadsheet.renders.max-concurrent} renders read the database at once (a feed page or a web page):
 * fewer than the connection pool holds, so health checks and writes always find a connection. A request waits for a
 * slot at most {@code broadsheet.renders.wait}, and at most {@code max-waiting} requests wait at all; any other is
 * refused at once with {@link RenderersBusyException} (503 and Retry-After). Waiting holds no thread: a feed request
 * is handed to the blocking pool only once it holds its slot. Cached answers and health checks never take one.
 */
@Singleton
public class RenderSlots {

    private final int slots;
    private final int maxWaiting;
    private final long waitMillis;
    /** Slots taken; guarded by {@code this}. */
    private int taken;
    /** Requests waiting for a slot, first come first served; guarded by {@code this}. */
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();

    public RenderSlots(RenderSettings settings) {
        // 0: one render a core. A render is CPU-bound once the archive's pages are cached; more at once than cores
        // only queues them on the CPU, and health checks and cached polls wait behind them (bench/deep-pages.sh)
        this.slots = settings.maxConcurrent() == 0 ? Runtime.getRuntime().availableProcessors() : settings.maxConcurrent();
        this.maxWaiting = settings.maxWaiting();
        this.waitMillis = settings.slotWait().toMillis();
    }

    /**
     * Completes once the caller holds a slot, which it must give back with {@link #release()}; or fails with
     * {@link RenderersBusyException} when none came within the wait.
     */
    public CompletableFuture<Void> acquire() {
        CompletableFuture<Void> slot = new CompletableFuture<>();
        synchronized (this) {
            if (taken < slots) {
                taken++;
                slot.complete(null);
                return slot;
            }
            if (waiting.size() >= maxWaiting) {
                return CompletableFuture.failedFuture(new RenderersBusyException(slots));
            }
            waiting.add(slot);
        }
        CompletableFuture.delayedExecutor(waitMillis, TimeUnit.MILLISECONDS).execute(() -> {
            if (slot.completeExceptionally(new RenderersBusyException(slots))) {
                synchronized (this) {
                    waiting.remove(slot);
                }
            }
        });
        return slot;
    }

    /** Gives a slot back: to the request that has waited longest, if any still waits. */
    public void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    taken--;
                    return;
                }
            }
            if (next.complete(null)) {
                return; // handed over; one whose wait just ended is skipped
            }
        }
    }

    /** Runs {@code work} on the calling (blocking) thread holding a slot, after waiting for one if need be. */
    public <T> T call(Supplier<T> work) {
        try {
            acquire().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        try {
            return work.get();
        } finally {
            release();
        }
    }

    /** Requests waiting for a slot now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Slots taken now. */
    public synchronized int taken() {
        return taken;
    }
}
