package io.broadsheet.web;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.broadsheet.stats.PollRecorder;
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
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import io.netty.util.AsciiString;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers the polls that make up most of a feed server's traffic on the event loop, before Micronaut routes them:
 * a {@code GET} or {@code HEAD} of {@code /feeds/{name}.{rss|atom|json}} (optionally {@code ?page=N}) of a public
 * feed whose representation {@link FeedCache} holds. Its answer is the one {@link FeedController} would give, built
 * from the same header fields ({@link FeedResponses#fields}); it is counted in the same metrics and poll statistics.
 *
 * <p>Per representation and variant (coding, browser view, 200 or 304) the header block is built once a second (the
 * {@code Date} and the Last-Modified rule change with the second) and shared, read-only, by every answer of that
 * second; the body is a retained slice of a direct copy of the cached bytes, written without a copy.
 *
 * <p>Everything else goes to Micronaut unchanged ({@link FeedFastPathHandler#channelRead}): other paths and methods,
 * partner feeds (their key is checked there), delta requests ({@code A-IM}), other query parameters, requests with a
 * body or {@code Expect}, malformed requests, and any feed not in the cache (rendered on the blocking pool there).
 */
@Singleton
public class FeedFastPath {

    private static final String PREFIX = "/feeds/";
    private static final String PAGE = "page=";
    /** More digits than any page number. */
    private static final int MAX_PAGE_DIGITS = 6;
    private static final AsciiString A_IM = AsciiString.cached("A-IM");
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    /** Variants per representation: gzip (1), browser view (2), 304 (4). */
    private static final int VARIANTS = 8;

    private final FeedCache cache;
    private final FeedsConfig config;
    private final BrowserView view;
    private final FeedResponses responses;
    private final BroadsheetMetrics metrics;
    private final PollRecorder polls;
    private final Clock clock;
    private final LongAdder answered = new LongAdder();

    public FeedFastPath(FeedCache cache, FeedsConfig config, BrowserView view, BroadsheetMetrics metrics,
                        PollRecorder polls, Clock clock) {
        this.cache = cache;
        this.config = config;
        this.view = view;
        this.responses = new FeedResponses(config, clock, view);
        this.metrics = metrics;
        this.polls = polls;
        this.clock = clock;
    }

    /** Requests answered here since start (the rest went to Micronaut). */
    public long answered() {
        return answered.sum();
    }

    /** What became of a request. */
    enum Outcome {
        /** Not one for this path: nothing was written, Micronaut answers it. */
        PASSED,
        /** Answered; the answer is written, to be flushed. */
        ANSWERED,
        /** Answered and flushed, and the connection closes after it (HTTP/1.0, or Connection: close). */
        CLOSING
    }

    /**
     * Answers {@code request} if it is a poll of a cached public feed.
     *
     * @param client the connection's peer address, as text (X-Forwarded-For wins when present)
     */
    Outcome answer(ChannelHandlerContext ctx, HttpRequest request, String client) {
        HttpMethod method = request.method();
        boolean head = method == HttpMethod.HEAD;
        if (!head && method != HttpMethod.GET || !request.decoderResult().isSuccess()) {
            return Outcome.PASSED;
        }
        HttpVersion version = request.protocolVersion();
        if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
            return Outcome.PASSED;
        }
        String uri = request.uri();
        if (!uri.startsWith(PREFIX)) {
            return Outcome.PASSED;
        }
        int query = uri.indexOf('?', PREFIX.length());
        int pathEnd = query < 0 ? uri.length() : query;
        int dot = uri.lastIndexOf('.', pathEnd - 1);
        if (dot <= PREFIX.length() || !plainName(uri, PREFIX.length(), pathEnd)) {
            return Outcome.PASSED;
        }
        FeedFormat format = FeedFormat.named(uri.subSequence(dot + 1, pathEnd));
        int page = query < 0 ? 1 : page(uri, query + 1);
        if (format == null || page < 1) {
            return Outcome.PASSED;
        }
        HttpHeaders headers = request.headers();
        String name = uri.substring(PREFIX.length(), dot);
        if (config.isPartnerFeed(name) || hasBody(request) || headers.contains(HttpHeaderNames.EXPECT)
                || headers.contains(A_IM) && FeedResponses.wantsDelta(headers.get(A_IM))) {
            return Outcome.PASSED;
        }
        Optional<FeedCache.Entry> cached = cache.peek(name, format, page);
        if (cached.isEmpty()) {
            return Outcome.PASSED; // rendered on Micronaut's blocking pool
        }
        FeedCache.Entry entry = cached.get();
        boolean gzip = FeedResponses.acceptsGzip(headers.get(HttpHeaderNames.ACCEPT_ENCODING));
        boolean browser = view.serves(headers.get(HttpHeaderNames.ACCEPT), format);
        boolean notModified = FeedResponses.notModified(headers.get(HttpHeaderNames.IF_NONE_MATCH),
                headers.get(HttpHeaderNames.IF_MODIFIED_SINCE), entry, browser);
        Wire wire = cache.attachment(entry, Wire.class, Wire::new,
                (long) entry.rendered().bytes().length + entry.gzip().length);
        HttpHeaders fields = wire.fields(this, entry, gzip, browser, notModified, clock.instant());
        boolean close = version.equals(HttpVersion.HTTP_1_0)
                || headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
        if (close && version.equals(HttpVersion.HTTP_1_1)) {
            fields = new DefaultHttpHeaders().add(fields).add(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        HttpResponseStatus status = notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK;
        ByteBuf body = notModified || head ? Unpooled.EMPTY_BUFFER : wire.body(gzip).retainedDuplicate();
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(version, status, body, fields,
                EmptyHttpHeaders.INSTANCE);
        if (close) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.write(response, ctx.voidPromise());
        }
        answered.increment();
        metrics.feedRequest(name, format.extension(), status.code(), gzip, true);
        String forwarded = headers.get(X_FORWARDED_FOR);
        polls.record(name, format.extension(), status.code(),
                forwarded == null || forwarded.isBlank() ? client : firstAddress(forwarded),
                headers.get(HttpHeaderNames.USER_AGENT));
        return close ? Outcome.CLOSING : Outcome.ANSWERED;
    }

    /** The text of a connection's peer address, as FeedController reads it. */
    static String client(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }

    private static String firstAddress(String forwarded) {
        int comma = forwarded.indexOf(',');
        return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
    }

    /** Letters, digits, '-', '_' and one '.' before the extension: anything else (%-escapes, '/') is Micronaut's. */
    private static boolean plainName(String uri, int from, int to) {
        int dots = 0;
        for (int i = from; i < to; i++) {
            char c = uri.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return dots == 1;
    }

    /** The page a query of exactly {@code page=N} asks for; 0 for any other query (left to Micronaut). */
    private static int page(String uri, int from) {
        int digits = uri.length() - from - PAGE.length();
        if (!uri.startsWith(PAGE, from) || digits < 1 || digits > MAX_PAGE_DIGITS) {
            return 0;
        }
        int page = 0;
        for (int i = from + PAGE.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            page = page * 10 + (c - '0');
        }
        return page;
    }

    private static boolean hasBody(HttpRequest request) {
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && !length.equals("0");
    }

    /**
     * What the event loop writes from one cached representation: both codings in direct memory, and each variant's
     * header block for the current second. The buffers are never released: their memory goes with the entry, when
     * it is collected (a JDK direct buffer), so an answer in flight can never see it freed.
     */
    static final class Wire {

        private final ByteBuf identity;
        private final ByteBuf gzip;
        private final AtomicReferenceArray<Block> blocks = new AtomicReferenceArray<>(VARIANTS);

        private record Block(long second, HttpHeaders fields) {
        }

        Wire(FeedCache.Entry entry) {
            this.identity = direct(entry.rendered().bytes());
            this.gzip = direct(entry.gzip());
        }

        private static ByteBuf direct(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length);
            buffer.put(bytes).flip();
            return Unpooled.wrappedBuffer(buffer);
        }

        ByteBuf body(boolean gzipped) {
            return gzipped ? gzip : identity;
        }

        /** The variant's header block for {@code now}'s second, built on the first answer of that second. */
        HttpHeaders fields(FeedFastPath path, FeedCache.Entry entry, boolean gzipped, boolean view,
                           boolean notModified, Instant now) {
            int variant = (gzipped ? 1 : 0) | (view ? 2 : 0) | (notModified ? 4 : 0);
            long second = now.getEpochSecond();
            Block block = blocks.get(variant);
            if (block == null || block.second() != second) {
                block = new Block(second, build(path, entry, gzipped, view, notModified, now));
                blocks.set(variant, block);
            }
            return block.fields();
        }

        private HttpHeaders build(FeedFastPath path, FeedCache.Entry entry, boolean gzipped, boolean view,
                                  boolean notModified, Instant now) {
            String[] fields = path.responses.fields(entry, gzipped, view, notModified ? 304 : 200, now);
            int extra = notModified ? 2 : 4;
            CharSequence[] pairs = new CharSequence[fields.length + extra];
            for (int i = 0; i < fields.length; i++) {
                // as Netty's encoder writes a String field: US-ASCII, '?' for anything else
                pairs[i] = new AsciiString(fields[i].getBytes(StandardCharsets.US_ASCII), false);
            }
            pairs[fields.length] = HttpHeaderNames.DATE;
            pairs[fields.length + 1] = new AsciiString(FeedResponses.httpDate(Instant.ofEpochSecond(now.getEpochSecond())));
            if (!notModified) {
                // a HEAD answers with the same fields, Content-Length included, and no body
                pairs[fields.length + 2] = HttpHeaderNames.CONTENT_LENGTH;
                pairs[fields.length + 3] = AsciiString.of(Integer.toString(body(gzipped).readableBytes()));
            }
            return new ReadOnlyHttpHeaders(true, pairs);
        }
    }
}
