package io.broadsheet.feed.http;

import io.broadsheet.web.Problem;
import io.broadsheet.http.HttpDates;
import io.broadsheet.limits.ClientOverLimitException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The event loop's 429 to a client over its rate ({@link FeedFastPath}): the problem+json and Retry-After the route
 * answers ({@link ProblemHandler}), written without Micronaut.
 */
final class OverLimit {

    private OverLimit() {
    }

    /** Writes the answer (flushed and closing when {@code close}); the outcome to report. */
    static FeedFastPath.Outcome write(ChannelHandlerContext ctx, HttpVersion version, long wait,
                                      Instant now, boolean close) {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
                + new ClientOverLimitException(wait).getMessage() + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpHeaders fields = new DefaultHttpHeaders()
                .add(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .add(HttpHeaderNames.RETRY_AFTER, Long.toString(wait))
                .add(HttpHeaderNames.DATE, HttpDates.format(now))
                .add(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
        if (close && version.equals(HttpVersion.HTTP_1_1)) {
            fields.add(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ByteBuf content = Unpooled.wrappedBuffer(body);
        ctx.write(new DefaultFullHttpResponse(version, HttpResponseStatus.TOO_MANY_REQUESTS, content, fields,
                        EmptyHttpHeaders.INSTANCE),
                close ? ctx.newPromise().addListener(ChannelFutureListener.CLOSE) : ctx.voidPromise());
        if (close) {
            ctx.flush();
        }
        return close ? FeedFastPath.Outcome.CLOSING : FeedFastPath.Outcome.ANSWERED;
    }
}
