package io.broadsheet.feed.http;

import io.broadsheet.cdn.CacheKeys;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedService;
import io.broadsheet.http.HttpDates;
import io.broadsheet.http.Preconditions;
import io.broadsheet.pages.PageResponses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP answer for a feed representation: validators (RFC 9110), freshness, content coding, WebSub
 * discovery links, CORS, RFC 3229 "feed" deltas, the cache keys a CDN purges by ({@link CacheKeys}), and the same
 * fields for the feed's page that a browser gets ({@link BrowserView}).
 * Specs: https://www.rfc-editor.org/rfc/rfc9110#section-13, https://www.rfc-editor.org/rfc/rfc3229,
 * https://www.w3.org/TR/websub/#discovery
 */
@Singleton
final class FeedResponses {

    /** 226 IM Used (RFC 3229), which HttpStatus does not name. */
    static final int IM_USED = 226;
    private static final String GZIP = "gzip";
    /** Fastly's cache keys, separated by spaces. */
    private static final String SURROGATE_KEY = "Surrogate-Key";
    /** Cloudflare's cache keys, separated by commas. */
    private static final String CACHE_TAG = "Cache-Tag";

    private final FeedsConfig config;
    private final Clock clock;
    private final BrowserView browserView;
    private final PageResponses pages;

    FeedResponses(FeedsConfig config, Clock clock, BrowserView browserView, PageResponses pages) {
        this.config = config;
        this.clock = clock;
        this.browserView = browserView;
        this.pages = pages;
    }

    /**
     * @param delta the body of a 226 delta answer, or null for the full representation (or 304)
     * @param gzip  whether the request accepts gzip ({@link Preconditions#acceptsGzip})
     * @param view  the feed's page, for a request that gets the browser view ({@link BrowserView#serves}), else
     *              null: another body under another Content-Type and ETag, with the pages' security fields
     */
    MutableHttpResponse<?> answer(HttpRequest<?> request, FeedCache.Entry entry, byte[] delta, boolean gzip,
                                  FeedView view) {
        MutableHttpResponse<?> response;
        int status;
        if (notModified(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH),
                request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE), entry, view)) {
            status = HttpStatus.NOT_MODIFIED.getCode();
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else if (delta != null) {
            status = IM_USED;
            response = HttpResponse.status(HttpStatus.valueOf(IM_USED)).body(gzip ? FeedCache.gzip(delta) : delta);
        } else {
            status = HttpStatus.OK.getCode();
            response = HttpResponse.ok(view != null ? view.bytes(gzip) : gzip ? entry.gzip() : entry.rendered().bytes());
        }
        String[] fields = fields(entry, gzip, view, status, clock.instant());
        for (int i = 0; i < fields.length; i += 2) {
            response.getHeaders().add(fields[i], fields[i + 1]);
        }
        return response;
    }

    /**
     * The header fields of an answer from {@code entry} with {@code status} (200, 226 or 304), as name, value, name,
     * value...: the same on Micronaut's path ({@link #answer}) and on the event loop's ({@link FeedFastPath}), which
     * adds only Content-Length and Date. {@code now} decides whether Last-Modified may be sent yet; {@code view}, when
     * not null, makes them the fields of the feed's page (its media type, validators and the pages' security fields).
     */
    String[] fields(FeedCache.Entry entry, boolean gzip, FeedView view, int status, Instant now) {
        FeedService.Rendered rendered = entry.rendered();
        FeedFormat format = rendered.format();
        boolean partnerOnly = config.isPartnerFeed(rendered.feed().name());
        List<String> fields = new ArrayList<>(32);
        if (gzip && status != HttpStatus.NOT_MODIFIED.getCode()) {
            add(fields, HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        if (status == IM_USED) {
            add(fields, "IM", "feed");
        }
        add(fields, HttpHeaders.CONTENT_TYPE, view != null ? PageResponses.CONTENT_TYPE : format.contentType());
        add(fields, HttpHeaders.ETAG, view != null ? (gzip ? view.gzipEtag() : view.etag())
                : (gzip ? entry.gzipEtag() : entry.etag()));
        add(fields, HttpHeaders.CACHE_CONTROL, status == IM_USED ? "no-store, im"
                : (partnerOnly ? "private" : "public") + ", max-age=" + rendered.feed().maxAge());
        add(fields, HttpHeaders.VARY, browserView.vary(partnerOnly, format));
        add(fields, HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        add(fields, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Last-Modified, Link, IM");
        if (view != null) {
            pages.securityHeaders().forEach((name, value) -> add(fields, name, value)); // as every page sends them
        } else {
            add(fields, "X-Content-Type-Options", "nosniff");
        }
        Instant lastModified = rendered.lastModified();
        if (Preconditions.lastModifiedShown(lastModified, now)) {
            add(fields, HttpHeaders.LAST_MODIFIED, HttpDates.format(lastModified));
        }
        CacheKeys keys = rendered.cacheKeys();
        if (keys.any()) {
            // built once per render: a cached answer only copies them
            add(fields, SURROGATE_KEY, keys.surrogateKey());
            add(fields, CACHE_TAG, keys.cacheTag());
        }
        rendered.feed().hubs().forEach(hub -> add(fields, HttpHeaders.LINK, "<" + hub + ">; rel=\"hub\""));
        add(fields, HttpHeaders.LINK, "<" + rendered.feed().selfUrl(format) + ">; rel=\"self\"");
        // RFC 5005 paging as RFC 8288 links too, so a client can page without parsing the document
        rendered.feed().pagingLinks(format).forEach((rel, href) -> add(fields, HttpHeaders.LINK,
                "<" + href + ">; rel=\"" + rel + "\""));
        return fields.toArray(String[]::new);
    }

    private static void add(List<String> fields, String name, String value) {
        fields.add(name);
        fields.add(value);
    }

    /**
     * Whether the copy the client holds is current: {@code If-None-Match} when sent (it wins over
     * {@code If-Modified-Since}, RFC 9110 13.2.2), else {@code If-Modified-Since}.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, FeedCache.Entry entry, FeedView view) {
        return ifNoneMatch != null ? matches(ifNoneMatch, entry, view) : notModifiedSince(ifModifiedSince, entry);
    }

    /** True when the request asks for an RFC 3229 "feed" delta ({@code A-IM: feed}). */
    static boolean wantsDelta(HttpRequest<?> request) {
        return wantsDelta(request.getHeaders().get("A-IM"));
    }

    /** True when an {@code A-IM} header's value names the "feed" instance manipulation. */
    static boolean wantsDelta(String aim) {
        if (aim == null) {
            return false;
        }
        for (String token : aim.split(",")) {
            if (token.strip().toLowerCase(Locale.ROOT).startsWith("feed")) {
                return true;
            }
        }
        return false;
    }

    /** The earlier version a delta request names: an If-None-Match validator that is not the current one. */
    static Optional<String> deltaBase(HttpRequest<?> request, FeedCache.Entry current) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || matches(ifNoneMatch, current, null)) {
            return Optional.empty();
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = opaque(candidate);
            if (!tag.isEmpty()) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }

    /**
     * If-None-Match uses weak comparison (RFC 9110 13.1.2): either coding's validator of the variant the request
     * gets (the feed, or its page when {@code view} is not null), or *, matches; the other variant's validators do
     * not, so a 304 never confirms a copy of the other.
     */
    static boolean matches(String ifNoneMatch, FeedCache.Entry entry, FeedView view) {
        return view != null ? Preconditions.matchesEither(ifNoneMatch, view.etag(), view.gzipEtag())
                : Preconditions.matchesEither(ifNoneMatch, entry.etag(), entry.gzipEtag());
    }

    private static String opaque(String candidate) {
        String tag = candidate.strip();
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static boolean notModifiedSince(String since, FeedCache.Entry entry) {
        return Preconditions.notModifiedSince(since, entry.rendered().lastModified());
    }
}
