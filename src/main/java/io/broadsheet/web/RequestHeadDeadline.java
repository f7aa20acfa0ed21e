package io.broadsheet.web;

import io.broadsheet.http.HttpDates;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1 connection's deadline for request heads: a request's line and header fields must all have arrived
 * {@code timeout} after its first byte (the connection's first request: after the connection opened), else the
 * connection is answered 408 and closed. A slow body is not held to it, nor a connection idle between requests
 * (the idle timeout's), nor a head that waits while the server still owes the connection earlier answers. Two handlers share this state: one ahead of Netty's HTTP codec sees the bytes arrive, one
 * after it sees the decoded heads and the answers go out. All of it runs on the connection's event loop.
 */
final class RequestHeadDeadline {

    static final String BYTES = "broadsheet-head-deadline-bytes";
    static final String HEADS = "broadsheet-head-deadline-heads";

    private enum State { HEAD, BODY, BETWEEN }

    private final long timeoutNanos;
    private final byte[] timedOut;
    private State state = State.HEAD;
    private ScheduledFuture<?> timer;
    /** Requests whose answer has not been fully written: while one is, the deadline waits for it. */
    private int owed;

    private final Clock clock;

    private RequestHeadDeadline(Duration timeout, Clock clock) {
        this.clock = clock;
        this.timeoutNanos = timeout.toNanos();
        String detail = "The request line and header fields must arrive within " + timeout.toSeconds()
                + " s of the request's first byte.";
        String body = "{\"type\":\"about:blank\",\"title\":\"Request Timeout\",\"status\":408,\"detail\":\"" + detail + "\"}";
        this.timedOut = ("Content-Type: " + Problem.MEDIA_TYPE + "\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** Puts the deadline's two handlers around the HTTP/1 codec of {@code pipeline}, which must have one. */
    static void install(ChannelPipeline pipeline, Duration timeout, Clock clock) {
        RequestHeadDeadline deadline = new RequestHeadDeadline(timeout, clock);
        pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, BYTES, deadline.new Bytes());
        pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HEADS, deadline.new Heads());
    }

    private void start(ChannelHandlerContext bytes) {
        state = State.HEAD;
        schedule(bytes);
    }

    private void schedule(ChannelHandlerContext bytes) {
        timer = bytes.executor().schedule(() -> expire(bytes), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext bytes) {
        timer = null;
        if (state != State.HEAD || !bytes.channel().isActive()) {
            return;
        }
        if (owed > 0) {
            // the server still owes earlier answers (and may have stopped reading meanwhile): the head waits on
            // us, not on the client; a client that does not read them is the idle timeout's
            schedule(bytes);
            return;
        }
        // written ahead of the codec, so DateFields does not see it: it dates itself
        ByteBuf answer = Unpooled.wrappedBuffer(("HTTP/1.1 408 Request Timeout\r\nDate: "
                + HttpDates.format(clock.instant()) + "\r\n").getBytes(StandardCharsets.US_ASCII), timedOut);
        bytes.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    /** Ahead of the codec: the first byte of a request starts its deadline. */
    private final class Bytes extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            if (ctx.channel().isActive()) {
                start(ctx);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (timer == null && state == State.HEAD) {
                start(ctx);
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (state == State.BETWEEN && msg instanceof ByteBuf bytes && bytes.isReadable()
                    && ctx.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                start(ctx);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            cancel();
        }
    }

    /** After the codec: a decoded head ends the deadline, the end of its body awaits the next request. */
    private final class Heads extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                cancel();
                owed++;
                state = State.BODY;
            }
            if (msg instanceof LastHttpContent && state == State.BODY) {
                // bytes of the next request already read with this one's end wait for more before they count
                state = State.BETWEEN;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            // the end of an answer, other than an interim 1xx, pays one owed (as FeedFastPathHandler counts them)
            if (msg instanceof LastHttpContent && owed > 0 && !(msg instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
                owed--;
            }
            ctx.write(msg, promise);
        }
    }
}
