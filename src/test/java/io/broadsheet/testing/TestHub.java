package io.broadsheet.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A WebSub hub on loopback that records every publish ping; it can refuse the first few with a 503. */
public final class TestHub implements AutoCloseable {

    private final TestReceiver receiver = new TestReceiver();
    /** Refusals counted before the last {@link #clear()}: they still count, since the first few pings are refused. */
    private int refusedBefore;

    public TestHub(int refuseFirst) {
        receiver.refuseNext(refuseFirst, 503);
    }

    public String url() {
        return receiver.url().replace("/purge", "/hub"); // any path reaches the receiver
    }

    /** Accepted pings, each as {@code hub.mode=publish&hub.url=<url> [content type]}, in arrival order. */
    public List<String> accepted() {
        return receiver.accepted().stream().map(TestHub::ping).toList();
    }

    public synchronized int refused() {
        return refusedBefore + receiver.refused();
    }

    public synchronized void clear() {
        refusedBefore += receiver.refused();
        receiver.clear();
    }

    /** Waits until {@code count} pings arrived and then a quiet spell passed, or the time is up. */
    /** The pings, once {@code count} arrived (waited for as {@link TestReceiver#awaitQuiet(int)} does). */
    public List<String> awaitQuiet(int count) throws InterruptedException {
        return receiver.awaitQuiet(count).stream().map(TestHub::ping).toList();
    }

    public List<String> awaitQuiet(int count, long timeoutMillis) throws InterruptedException {
        return receiver.awaitQuiet(count, timeoutMillis).stream().map(TestHub::ping).toList();
    }

    private static String ping(TestReceiver.Request request) {
        return URLDecoder.decode(request.body(), StandardCharsets.UTF_8) + " [" + request.contentType() + "]";
    }

    @Override
    public void close() {
        receiver.close();
    }
}
