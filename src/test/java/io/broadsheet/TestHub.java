package io.broadsheet;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A WebSub hub on loopback that records every publish ping; it can refuse the first few with a 503. */
public final class TestHub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> accepted = new ArrayList<>();
    private final AtomicInteger refusals;
    private final AtomicInteger refused = new AtomicInteger();

    public TestHub(int refuseFirst) {
        this.refusals = new AtomicInteger(refuseFirst);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hub", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean refuse = refusals.getAndDecrement() > 0;
            if (refuse) {
                refused.incrementAndGet();
            } else {
                synchronized (accepted) {
                    accepted.add(URLDecoder.decode(body, StandardCharsets.UTF_8) + " [" + exchange.getRequestHeaders()
                            .getFirst("Content-Type") + "]");
                }
            }
            exchange.sendResponseHeaders(refuse ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hub";
    }

    /** Accepted pings, each as {@code hub.mode=publish&hub.url=<url> [content type]}, in arrival order. */
    public List<String> accepted() {
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
    }

    /** Waits until {@code count} pings arrived and then a quiet spell passed, or the time is up. */
    public List<String> awaitQuiet(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (accepted().size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1_000);
        return accepted();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
