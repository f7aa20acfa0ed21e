package io.broadsheet.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/**
 * HEAD, for every route at once: a HEAD request goes on as a GET, so that the fast path, the routes, static files
 * and errors answer it as they answer a GET, and its answer leaves without its body: the same status and header
 * fields, Content-Length included (RFC 9110 9.3.2). No controller or response helper looks at the method.
 *
 * <p>Micronaut's own HEAD (a GET route answers it, and drops the body before encoding it) sends no Content-Length
 * and no error body's fields; a filter could only learn the length by encoding the body a second time.
 * This handler sits between the access log (which logs the request as a HEAD, and an answer of no bytes) and
 * {@link FeedFastPathHandler}; Netty's codec, which saw the HEAD, writes no body either.
 * Spec: https://www.rfc-editor.org/rfc/rfc9110#section-9.3.2
 */
final class HeadAnswers extends ChannelDuplexHandler {

    static final String NAME = "broadsheet-head-answers";

    /** For each request of the connection still owed an answer, in order: whether it is a HEAD. */
    private final ArrayDeque<Boolean> heads = new ArrayDeque<>();
    /** The answer being written is a HEAD's: its content is dropped. */
    private boolean dropping;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            boolean head = HttpMethod.HEAD.equals(request.method());
            heads.add(head);
            if (head) {
                request.setMethod(HttpMethod.GET);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            dropping = Boolean.TRUE.equals(heads.poll()); // an interim 1xx answers no request by itself
        }
        if (!dropping || !(msg instanceof HttpContent)) {
            ctx.write(msg, promise);
            return;
        }
        if (msg instanceof FullHttpResponse full) {
            dropping = false;
            FullHttpResponse empty = full.replace(Unpooled.EMPTY_BUFFER);
            full.release();
            ctx.write(empty, promise);
            return;
        }
        boolean last = msg instanceof LastHttpContent;
        ReferenceCountUtil.release(msg);
        if (last) {
            dropping = false;
            ctx.write(LastHttpContent.EMPTY_LAST_CONTENT, promise);
        } else {
            ctx.write(new DefaultHttpContent(Unpooled.EMPTY_BUFFER), promise);
        }
    }
}
