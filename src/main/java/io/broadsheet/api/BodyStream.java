package io.broadsheet.api;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A request body as a blocking {@link InputStream} that keeps {@value #PREFETCH} chunks in flight: the event loop
 * goes on reading the socket while the reader works, and memory holds at most that many chunks. (Reading one
 * chunk per demand, as the framework's own stream does, made a bulk import wait on a round trip per small chunk.)
 */
final class BodyStream extends InputStream implements Subscriber<byte[]> {

    static final int PREFETCH = 64;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(PREFETCH + 1);
    private volatile Subscription subscription;
    private volatile Throwable failure;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    static BodyStream of(Publisher<byte[]> body) {
        BodyStream stream = new BodyStream();
        body.subscribe(stream);
        return stream;
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(PREFETCH);
    }

    @Override
    public void onNext(byte[] chunk) {
        chunks.add(chunk); // never full: at most PREFETCH chunks are requested ahead of the reader
    }

    @Override
    public void onError(Throwable t) {
        failure = t;
        chunks.add(END);
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended || !next()) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean next() throws IOException {
        try {
            byte[] chunk = chunks.take();
            if (chunk == END) {
                ended = true;
                if (failure != null) {
                    throw new IOException("The request body broke off: " + failure.getMessage(), failure);
                }
                return false;
            }
            current = chunk;
            position = 0;
            subscription.request(1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading the request body");
        }
    }

    @Override
    public void close() {
        Subscription s = subscription;
        if (!ended && s != null) {
            s.cancel();
        }
        ended = true;
    }
}
