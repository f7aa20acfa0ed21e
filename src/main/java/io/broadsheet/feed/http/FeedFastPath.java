package io.broadsheet.feed.http;

import io.broadsheet.web.InboundShortcut;
import io.netty.channel.ChannelHandler;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.clients.ClientAddresses;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedService;
import io.broadsheet.http.HttpDates;
import io.broadsheet.http.PageParameter;
import io.broadsheet.http.Preconditions;
import io.broadsheet.limits.ClientRateLimiter;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.broadsheet.stats.PollRecorder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
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
import io.netty.util.IllegalReferenceCountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers the polls that make up most of a feed server's traffic on the event loop, before Micronaut routes them:
 * a {@code GET} (or a HEAD, which {@link HeadAnswers} hands on as a GET) of {@code /feeds/{name}.{rss|atom|json}} (optionally {@code ?page=N}) of a public
 * feed whose representation {@link FeedCache} holds. Its answer is the one {@link FeedController} would give, built
 * from the same header fields ({@link FeedResponses#fields}); it is counted in the same metrics and poll statistics.
 *
 * <p>Per representation and variant (coding, 200 or 304) the header block is built once a second (the
 * {@code Date} and the Last-Modified rule change with the second) and shared, read-only, by every answer of that
 * second; the body is a retained slice of a direct copy of the cached bytes, written without a copy.
 *
 * <p>Everything else goes to Micronaut unchanged ({@link FeedFastPathHandler#channelRead}): other paths and methods,
 * partner feeds (their key is checked there), delta requests ({@code A-IM}), browsers' requests for the feed's page
 * ({@link BrowserView}: rendered and kept there), other query parameters, requests with a
 * body or {@code Expect}, malformed requests, and any feed not in the cache (rendered on the blocking pool there).
 */
@Singleton
public class FeedFastPath implements InboundShortcut {

    private static final Logger LOG = LoggerFactory.getLogger(FeedFastPath.class);
    private static final String PREFIX = "/feeds/";
    private static final String PAGE = PageParameter.NAME + "=";
    private static final AsciiString A_IM = AsciiString.cached("A-IM");
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    /** Variants per representation: gzip (1), 304 (2). */
    private static final int VARIANTS = 4;

    private final FeedCache cache;
    private final FeedsConfig config;
    private final BrowserView view;
    private final FeedResponses responses;
    private final BroadsheetMetrics metrics;
    private final PollRecorder polls;
    private final ClientAddresses clients;
    private final Clock clock;
    private final ClientRateLimiter limiter;
    private final LongAdder answered = new LongAdder();
    private final int maxPage;

    public FeedFastPath(FeedCache cache, FeedsConfig config, BrowserView view, FeedResponses responses,
                        BroadsheetMetrics metrics, PollRecorder polls, ClientAddresses clients, Clock clock,
                        ClientRateLimiter limiter, FeedService feeds) {
        this.maxPage = feeds.maxPage();
        this.limiter = limiter;
        this.cache = cache;
        this.config = config;
        this.view = view;
        this.responses = responses;
        this.metrics = metrics;
        this.polls = polls;
        this.clients = clients;
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
     * @param client the connection's peer address, as text (X-Forwarded-For wins when the peer is a trusted proxy)
     */
    Outcome answer(ChannelHandlerContext ctx, HttpRequest request, String client) {
        HttpMethod method = request.method();
        if (method != HttpMethod.GET || !request.decoderResult().isSuccess()) {
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
                || FeedResponses.wantsDelta(headers.get(A_IM))
                || view.serves(headers.get(HttpHeaderNames.ACCEPT), format)) {
            return Outcome.PASSED;
        }
        Optional<FeedCache.Entry> cached = cache.peek(name, format, page);
        if (cached.isEmpty()) {
            return Outcome.PASSED; // rendered on Micronaut's blocking pool
        }
        FeedCache.Entry entry = cached.get();
        boolean gzip = Preconditions.acceptsGzip(headers.get(HttpHeaderNames.ACCEPT_ENCODING));
        boolean notModified = FeedResponses.notModified(headers.get(HttpHeaderNames.IF_NONE_MATCH),
                headers.get(HttpHeaderNames.IF_MODIFIED_SINCE), entry, null);
        Wire wire = cache.attachment(entry, Wire.class, Wire::new,
                (long) entry.rendered().bytes().length + entry.gzip().length);
        if (wire == null) {
            return Outcome.PASSED; // too big to keep a second copy of, or dropped meanwhile: the route serves it
        }
        // as the route's RateLimitFilter: each request is limited once, here or there (a feed the route serves, as
        // one too big for a second copy, is not charged here)
        long wait = limiter.admit(headers.get(X_FORWARDED_FOR), client);
        if (wait > 0) {
            return OverLimit.write(ctx, version, wait, clock.instant(), mustClose(version, headers));
        }
        HttpHeaders fields = wire.fields(this, entry, gzip, notModified, clock.instant());
        boolean close = mustClose(version, headers);
        if (close && version.equals(HttpVersion.HTTP_1_1)) {
            fields = new DefaultHttpHeaders().add(fields).add(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        HttpResponseStatus status = notModified ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK;
        ByteBuf body = Unpooled.EMPTY_BUFFER;
        if (!notModified) {
            body = wire.body(gzip);
            if (body == null) {
                return Outcome.PASSED; // released by an invalidation since the lookup
            }
        }
        // counted before it leaves: a client that has the answer finds it in the metrics and poll statistics
        count(name, format, status.code(), gzip, headers, client);
        ctx.write(new DefaultFullHttpResponse(version, status, body, fields, EmptyHttpHeaders.INSTANCE),
                close ? ctx.newPromise().addListener(ChannelFutureListener.CLOSE) : ctx.voidPromise());
        if (close) {
            ctx.flush();
        }
        return close ? Outcome.CLOSING : Outcome.ANSWERED;
    }

    /** The answer's metrics and poll statistics, before it is written: a failure there is logged, the answer stands. */
    private void count(String name, FeedFormat format, int status, boolean gzip, HttpHeaders headers, String client) {
        try {
            answered.increment();
            metrics.feedRequest(name, format.extension(), status, gzip, true);
            polls.record(name, format.extension(), status, clients.address(headers.get(X_FORWARDED_FOR), client),
                    headers.get(HttpHeaderNames.USER_AGENT));
        } catch (RuntimeException e) {
            LOG.warn("A feed answer is sent but not counted", e);
        }
    }

    /**
     * As Micronaut's route decides it (PipeliningServerHandler): HTTP/1.0 always closes, HTTP/1.1 on a Connection
     * field whose whole value is "close".
     */
    static boolean mustClose(HttpVersion version, HttpHeaders headers) {
        return version.equals(HttpVersion.HTTP_1_0)
                || headers.contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
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

    /**
     * The page a query of exactly {@code page=N} asks for, N as the route reads it ({@link PageParameter}); 0 for any
     * other query, left to Micronaut (which answers a malformed page 400).
     */
    private int page(String uri, int from) {
        return uri.startsWith(PAGE, from) ? PageParameter.number(uri, from + PAGE.length(), uri.length(), maxPage) : 0;
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
     * header block for the current second. The buffers are given back when the entry leaves the cache
     * ({@link #release}); an answer in flight holds its own reference, so the memory outlives it if need be.
     */
    static final class Wire implements FeedCache.Attachment {

        private final ByteBuf identity;
        private final ByteBuf gzip;
        private final AtomicReferenceArray<Block> blocks = new AtomicReferenceArray<>(VARIANTS);
        private final AtomicBoolean released = new AtomicBoolean();

        private record Block(long second, HttpHeaders fields) {
        }

        Wire(FeedCache.Entry entry) {
            this.identity = direct(entry.rendered().bytes());
            ByteBuf compressed;
            try {
                compressed = direct(entry.gzip());
            } catch (RuntimeException | Error e) {
                identity.release();
                throw e;
            }
            this.gzip = compressed;
        }

        private static ByteBuf direct(byte[] bytes) {
            return ByteBufAllocator.DEFAULT.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
        }

        /** A reference of its own to the body of one coding, or null once the entry has given its copies back. */
        ByteBuf body(boolean gzipped) {
            ByteBuf buffer = gzipped ? gzip : identity;
            try {
                return buffer.retainedDuplicate();
            } catch (IllegalReferenceCountException e) {
                return null;
            }
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                identity.release();
                gzip.release();
            }
        }

        /** The variant's header block for {@code now}'s second, built on the first answer of that second. */
        HttpHeaders fields(FeedFastPath path, FeedCache.Entry entry, boolean gzipped, boolean notModified, Instant now) {
            int variant = (gzipped ? 1 : 0) | (notModified ? 2 : 0);
            long second = now.getEpochSecond();
            Block block = blocks.get(variant);
            if (block == null || block.second() != second) {
                block = new Block(second, build(path, entry, gzipped, notModified, now));
                blocks.set(variant, block);
            }
            return block.fields();
        }

        /**
         * The fields as the route sends them: FeedResponses' fields, the Date ({@link DateFields} adds the route's)
         * and, but for a 304, the content-length.
         */
        private HttpHeaders build(FeedFastPath path, FeedCache.Entry entry, boolean gzipped, boolean notModified,
                                  Instant now) {
            String[] fields = path.responses.fields(entry, gzipped, null, notModified ? 304 : 200, now);
            List<CharSequence> pairs = new ArrayList<>(fields.length + 4);
            for (String field : fields) {
                pairs.add(new AsciiString(field)); // each character as Netty's encoder writes a String's
            }
            pairs.add(HttpHeaderNames.DATE);
            pairs.add(new AsciiString(HttpDates.format(now)));
            if (!notModified) {
                pairs.add(HttpHeaderNames.CONTENT_LENGTH);
                pairs.add(AsciiString.of(Integer.toString((gzipped ? entry.gzip() : entry.rendered().bytes()).length)));
            }
            return new ReadOnlyHttpHeaders(true, pairs.toArray(CharSequence[]::new));
        }
    }

    @Override
    public String handlerName() {
        return FeedFastPathHandler.NAME;
    }

    @Override
    public ChannelHandler newHandler() {
        return new FeedFastPathHandler(this);
    }
}
