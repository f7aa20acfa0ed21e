package io.broadsheet.web;

import io.broadsheet.http.HttpDates;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * The date fields of every answer the server writes, on every route and the fast path alike: each gets a
 * {@code Date} of the injected clock, and a {@code Last-Modified} or {@code Expires} in another form of HTTP date
 * (Micronaut's file writer, behind {@code /assets} and {@code /webjars}, writes Java's {@code RFC_1123_DATE_TIME},
 * whose day has one digit on the 1st to 9th) is written again as an IMF-fixdate ({@link HttpDates}). Micronaut's own
 * {@code Date} is off ({@code micronaut.server.date-header}) for the same reason; {@link ConnectionPipeline} puts
 * this handler next to the HTTP codec, so that every write passes it.
 * Spec: https://www.rfc-editor.org/rfc/rfc9110#section-6.6.1
 */
@Singleton
@ChannelHandler.Sharable
final class DateFields extends ChannelOutboundHandlerAdapter {

    static final String NAME = "broadsheet-date-fields";
    private static final AsciiString[] DATES = {HttpHeaderNames.LAST_MODIFIED, HttpHeaderNames.EXPIRES};

    private final Clock clock;
    /** The Date of the current second, formatted once per second. */
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    private record Stamp(long second, String text) {
    }

    DateFields(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && response.status().code() >= 200) {
            date(response.headers());
        }
        ctx.write(msg, promise);
    }

    /**
     * Adds {@code Date} unless the answer has an IMF-fixdate one (the fast path's header blocks, read-only, carry
     * one from the same clock), and rewrites the other date fields that are not IMF-fixdates.
     */
    private void date(HttpHeaders headers) {
        if (!HttpDates.isFixdate(headers.get(HttpHeaderNames.DATE))) {
            headers.set(HttpHeaderNames.DATE, now());
        }
        for (AsciiString name : DATES) {
            String value = headers.get(name);
            if (value != null && !HttpDates.isFixdate(value)) {
                // an invalid Expires (such as "0") means "already expired" (RFC 9111 5.3): it is left as it is
                HttpDates.parse(value).ifPresent(instant -> headers.set(name, HttpDates.format(instant)));
            }
        }
    }

    /** The IMF-fixdate of the clock's current second. */
    String now() {
        Instant now = clock.instant();
        Stamp current = stamp;
        if (current.second() != now.getEpochSecond()) {
            current = new Stamp(now.getEpochSecond(), HttpDates.format(now));
            stamp = current;
        }
        return current.text();
    }
}
