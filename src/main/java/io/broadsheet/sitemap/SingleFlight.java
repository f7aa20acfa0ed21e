package io.broadsheet.sitemap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Renders each sitemap once however many requests want it at once: the first request for a name renders it, later
 * ones wait for that render and share its document, or its failure, which is not kept (the name is free again).
 * A later request joins only a render that started after the latest change to its name ({@code current}), so that
 * nobody is handed a document older than a write it has seen answered.
 */
final class SingleFlight {

    private record Flight(long taken, CompletableFuture<Sitemaps.Document> result) {
    }

    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();
    /** Renders started, for tests: every request that found no kept document and joined no render. */
    private final AtomicLong renders = new AtomicLong();

    /**
     * The document {@code name}: rendered by {@code render} in generation {@code taken}, or shared with the render of
     * it in progress if {@code current} says nothing touched the name since that render's generation.
     */
    Sitemaps.Document run(String name, long taken, LongPredicate current, Supplier<Sitemaps.Document> render) {
        Flight mine = new Flight(taken, new CompletableFuture<>());
        while (true) {
            Flight running = flights.putIfAbsent(name, mine);
            if (running == null) {
                break;
            }
            if (current.test(running.taken())) {
                return join(running.result());
            }
            running.result().exceptionally(e -> null).join(); // an older render: wait for it, then render anew
        }
        renders.incrementAndGet();
        try {
            Sitemaps.Document document = render.get();
            mine.result().complete(document);
            return document;
        } catch (RuntimeException e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(name, mine);
        }
    }

    /** Renders started so far. */
    long renders() {
        return renders.get();
    }

    private static Sitemaps.Document join(CompletableFuture<Sitemaps.Document> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
