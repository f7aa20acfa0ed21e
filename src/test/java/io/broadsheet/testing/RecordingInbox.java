package io.broadsheet.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A fediverse inbox on loopback that records every POST it gets (path, headers, body), on any path, and answers
 * each with the next scripted answer, or 202 once the script is spent. It can be stopped and started again on the
 * same port (an inbox that is down for a while).
 */
public final class RecordingInbox implements AutoCloseable {

    /** One request: its path, its header fields by lower-case name (first value), its body and when it came. */
    public record Request(String path, Map<String, String> headers, String body, long receivedNanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer: the status and, when not null, a Retry-After value. */
    public record Answer(int status, String retryAfter) {
    }

    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final int port;
    private HttpServer server;

    public RecordingInbox() {
        this(0);
    }

    private RecordingInbox(int port) {
        server = start(port);
        this.port = server.getAddress().getPort();
    }

    /** The inbox URL of {@code path} ("/users/a/inbox") on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The next requests get these answers, in order. */
    public synchronized RecordingInbox answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Every request so far, in arrival order. */
    public synchronized List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** The requests so far to {@code path}. */
    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Stops answering: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        server.stop(0);
    }

    /** Answers again, on the same port. */
    public synchronized void restart() {
        server = start(port);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }

    private synchronized Answer next(Request request) {
        requests.add(request);
        return script.isEmpty() ? new Answer(202, null) : script.removeFirst();
    }

    private HttpServer start(int on) {
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        created.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "recording-inbox");
            thread.setDaemon(true);
            return thread;
        }));
        created.createContext("/", exchange -> {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Answer answer = next(new Request(exchange.getRequestURI().getPath(), headers, body, at));
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        created.start();
        return created;
    }
}
