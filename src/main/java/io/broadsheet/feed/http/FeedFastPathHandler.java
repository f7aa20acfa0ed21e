package io.broadsheet.feed.http;

import io.broadsheet.clients.ClientAddresses;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/1 connection's gate to {@link FeedFastPath}, between Netty's codec (and the access log) and Micronaut's
 * handler. It keeps HTTP/1's order of answers: while Micronaut still owes the answer to an earlier request of the
 * connection (a pipelined request, or a render), every later request goes to Micronaut too, which answers in
 * order. It takes nothing either while the connection cannot take more bytes (a client that does not read), so
 * that Micronaut's back-pressure stops the reading.
 */
final class FeedFastPathHandler extends ChannelDuplexHandler {

    static final String NAME = "broadsheet-feed-fast-path";
    private static final Logger LOG = LoggerFactory.getLogger(FeedFastPathHandler.class);

    private final FeedFastPath path;
    /** Requests handed to Micronaut whose answers it has not finished writing. */
    private int owed;
    /** The rest (an empty last content) of a request answered here is dropped. */
    private boolean discarding;
    /** Answers written since the last flush. */
    private boolean unflushed;
    /** An answer here ended the connection (HTTP/1.0, or Connection: close): whatever follows is dropped. */
    private boolean closing;
    private String client;

    FeedFastPathHandler(FeedFastPath path) {
        this.path = path;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (owed == 0 && ctx.channel().isWritable() && answer(ctx, request)) {
                discarding = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                return;
            }
            owed++;
        } else if (discarding && msg instanceof HttpContent) {
            discarding = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private boolean answer(ChannelHandlerContext ctx, HttpRequest request) {
        if (client == null) {
            client = ClientAddresses.peer(ctx.channel().remoteAddress());
        }
        FeedFastPath.Outcome outcome;
        try {
            outcome = path.answer(ctx, request, client);
        } catch (RuntimeException | OutOfMemoryError e) {
            // nothing was written (the answer's write is its last step that can fail): the route answers instead
            LOG.warn("A feed poll goes to the route: the event loop could not answer it", e);
            return false;
        }
        switch (outcome) {
            case ANSWERED -> unflushed = true;
            case CLOSING -> closing = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // Micronaut's writes pass here (this handler's own go straight to the codec): the end of an answer, other
        // than an interim 1xx, pays one owed
        if (msg instanceof LastHttpContent && owed > 0
                && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            owed--;
        }
        ctx.write(msg, promise);
    }
}
