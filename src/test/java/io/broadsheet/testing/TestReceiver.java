package io.broadsheet.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback (a CDN's purge API, a WebSub hub) that records every request it accepts, on any
 * path; it can refuse the next few with a status of choice, or hold every request unanswered.
 */
public final class TestReceiver implements AutoCloseable {

    /** One accepted request: its body and the headers a test looks at. */
    public record Request(String body, String contentType, String authorization) {
    }

    private final HttpServer server;
    private final List<Request> accepted = new ArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int refusalStatus = 500;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean holding;

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "test-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (holding) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean refuse = refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (refuse) {
                refused.incrementAndGet();
            } else {
                synchronized (accepted) {
                    accepted.add(new Request(body, exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("Authorization")));
                }
            }
            exchange.sendResponseHeaders(refuse ? refusalStatus : 200, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/purge";
    }

    /** The next {@code count} requests are answered {@code status}. */
    public void refuseNext(int count, int status) {
        refusalStatus = status;
        refusals.set(count);
    }

    /** From now on, requests wait unanswered until {@link #close()}. */
    public void hold() {
        holding = true;
    }

    public List<Request> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    public int refused() {
        return refused.get();
    }

    public void clear() {
        synchronized (accepted) {
            accepted.clear();
        }
        refused.set(0);
    }

    /**
     * Waits until {@code count} requests were accepted, for as long as {@link Eventually#PATIENCE}, and then a quiet
     * spell: what a test expects to arrive.
     */
    public List<Request> awaitQuiet(int count) throws InterruptedException {
        return awaitQuiet(count, Eventually.PATIENCE.toMillis());
    }

    /**
     * Waits until {@code count} requests were accepted and then a quiet spell passed, or the time is up: with a short
     * time, how a test sees that nothing arrives.
     */
    public List<Request> awaitQuiet(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (accepted().size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000);
        return accepted();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
