package io.broadsheet.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * POSTs that tell another service of changes, off the request path: items submitted within a short window are
 * sent as one batch, a refused request is retried with exponential backoff, and every outcome is logged.
 * On shutdown the batch still waiting is sent once, within a bounded wait.
 *
 * @param <T> what is submitted (a feed URL, a cache key); equal items within one window are sent once
 */
public final class RetryingPoster<T> {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingPoster.class);

    /**
     * One request and how the log names it.
     *
     * @param target  where it goes, as the log shows it: never a secret (no header, no query)
     * @param what    what it asks for, as the log shows it ("publish of https://...")
     * @param subject what it is about, for those who keep outcomes (a feed URL); by default {@code what}
     */
    public record Post(String target, String what, HttpRequest request, String subject) {

        public Post(String target, String what, HttpRequest request) {
            this(target, what, request, what);
        }
    }

    /**
     * One attempt, settled.
     *
     * @param number  the attempt's number, from 1
     * @param status  the answer's HTTP status, or 0 when none came
     * @param error   why no answer came, or null
     */
    public record Attempt(Post post, int number, Outcome outcome, int status, String error) {
    }

    /**
     * How a poster batches, retries and stops.
     *
     * @param window       how long submitted items wait to be sent together
     * @param firstRetry   the wait before the second attempt; each later wait doubles
     * @param attempts     attempts per request, the first one included
     * @param shutdownWait the longest shutdown waits for the last requests' answers
     */
    public record Settings(Duration window, Duration firstRetry, int attempts, Duration shutdownWait) {
    }

    private final String name;
    private final Settings settings;
    private final Function<List<T>, List<Post>> posts;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledThreadPoolExecutor scheduler;
    private final Consumer<Attempt> outcomes;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    /** Guards {@link #pending}, {@link #waitingRetries} and {@link #closed}. */
    private final Object lock = new Object();
    private final Set<T> pending = new LinkedHashSet<>();
    private int waitingRetries;
    private boolean closed;

    /** What became of one attempt: accepted, refused and tried again later, or refused for good. */
    public enum Outcome {
        SENT, RETRIED, FAILED
    }

    public RetryingPoster(String name, Settings settings, Function<List<T>, List<Post>> posts) {
        this(name, settings, posts, outcome -> { });
    }

    /**
     * @param name     how the log names this poster ("WebSub")
     * @param posts    turns one batch of items into the requests that carry it
     * @param outcomes hears each settled attempt (the metrics count them, the WebSub publisher keeps the latest)
     */
    public RetryingPoster(String name, Settings settings, Function<List<T>, List<Post>> posts,
                          Consumer<Attempt> outcomes) {
        this.name = name;
        this.outcomes = outcomes;
        this.settings = settings;
        this.posts = posts;
        String threadName = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-poster";
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // on shutdown, the window and the retries still waiting are not run; close() settles them itself
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues the items for the next batch; returns at once. After {@link #close()}, sends them once at once. */
    public void submit(Collection<T> items) {
        if (items.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (!closed) {
                boolean idle = pending.isEmpty();
                pending.addAll(items);
                if (idle) {
                    scheduler.schedule(this::flush, settings.window().toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
        }
        posts.apply(List.copyOf(new LinkedHashSet<>(items))).forEach(post -> send(post, 1));
    }

    private void flush() {
        List<T> batch;
        synchronized (lock) {
            batch = List.copyOf(pending);
            pending.clear();
        }
        if (!batch.isEmpty()) {
            posts.apply(batch).forEach(post -> send(post, 1));
        }
    }

    private void send(Post post, int attempt) {
        CompletableFuture<Void> settled = client.sendAsync(post.request(), HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    settle(post, attempt, response, failure);
                    return null;
                });
        inFlight.add(settled);
        settled.whenComplete((done, failure) -> inFlight.remove(settled));
    }

    /** Where each attempt's outcome is decided: accepted, retried later, or given up. */
    private void settle(Post post, int attempt, HttpResponse<Void> response, Throwable failure) {
        int status = failure == null ? response.statusCode() : 0;
        if (failure == null && status / 100 == 2) {
            LOG.info("{}: {} accepted {} ({})", name, post.target(), post.what(), status);
            outcomes.accept(new Attempt(post, attempt, Outcome.SENT, status, null));
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String error = cause != null ? cause.toString() : null;
        String why = cause != null ? error : "status " + status;
        if (attempt >= settings.attempts()) {
            LOG.error("{}: {} refused {} ({}); gave up after {} attempts", name, post.target(), post.what(), why, attempt);
            outcomes.accept(new Attempt(post, attempt, Outcome.FAILED, status, error));
            return;
        }
        long wait = settings.firstRetry().toMillis() << (attempt - 1);
        synchronized (lock) {
            if (!closed) {
                waitingRetries++;
                scheduler.schedule(() -> retry(post, attempt + 1), wait, TimeUnit.MILLISECONDS);
                LOG.warn("{}: {} refused {} ({}); attempt {} of {}, retrying in {} ms",
                        name, post.target(), post.what(), why, attempt, settings.attempts(), wait);
                outcomes.accept(new Attempt(post, attempt, Outcome.RETRIED, status, error));
                return;
            }
        }
        LOG.warn("{}: {} refused {} ({}); attempt {} of {}, not retried: shutting down",
                name, post.target(), post.what(), why, attempt, settings.attempts());
        outcomes.accept(new Attempt(post, attempt, Outcome.FAILED, status, error));
    }

    private void retry(Post post, int attempt) {
        synchronized (lock) {
            if (closed) {
                return; // counted among the retries close() gave up
            }
            waitingRetries--;
        }
        send(post, attempt);
    }

    /**
     * Sends the batch still waiting once, gives up the retries still waiting (one warning line), and waits for
     * the answers at most {@code shutdownWait}. Never throws.
     */
    public void close() {
        List<T> batch;
        int givenUp;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            batch = List.copyOf(pending);
            pending.clear();
            givenUp = waitingRetries;
        }
        long deadline = System.nanoTime() + settings.shutdownWait().toNanos();
        scheduler.shutdown();
        try {
            // a flush or retry already running hands its requests over before the wait below
            scheduler.awaitTermination(settings.shutdownWait().toMillis(), TimeUnit.MILLISECONDS);
            if (givenUp > 0) {
                LOG.warn("{}: shutting down: gave up {} {} still waiting", name, givenUp, givenUp == 1 ? "retry" : "retries");
            }
            if (!batch.isEmpty()) {
                posts.apply(batch).forEach(post -> send(post, 1));
            }
            awaitAnswers(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAnswers(long deadline) throws InterruptedException {
        CompletableFuture<?>[] waiting = inFlight.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(waiting).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            long unanswered = Arrays.stream(waiting).filter(f -> !f.isDone()).count();
            LOG.warn("{}: shutting down: {} {} still unanswered after {} ms, not waited for", name, unanswered,
                    unanswered == 1 ? "request" : "requests", settings.shutdownWait().toMillis());
        } catch (ExecutionException e) {
            // settling logs each outcome itself; nothing is left to report here
        }
    }
}
