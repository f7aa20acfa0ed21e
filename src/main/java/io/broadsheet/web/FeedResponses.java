package io.broadsheet.web;

import io.broadsheet.cdn.CacheKeys;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP answer for a feed representation: validators (RFC 9110), freshness, content coding, WebSub
 * discovery links, CORS, RFC 3229 "feed" deltas, and the cache keys a CDN purges by ({@link CacheKeys}).
 * Specs: https://www.rfc-editor.org/rfc/rfc9110#section-13, https://www.rfc-editor.org/rfc/rfc3229,
 * https://www.w3.org/TR/websub/#discovery
 */
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

    FeedResponses(FeedsConfig config, Clock clock, BrowserView browserView) {
        this.config = config;
        this.clock = clock;
        this.browserView = browserView;
    }

    /**
     * @param delta the body of a 226 delta answer, or null for the full representation (or 304)
     * @param gzip  whether the request accepts gzip ({@link #acceptsGzip})
     * @param view  whether the request gets the browser view ({@link BrowserView#wanted}): the same bytes under
     *              another Content-Type and ETag
     */
    MutableHttpResponse<?> answer(HttpRequest<?> request, FeedCache.Entry entry, byte[] delta, boolean gzip,
                                  boolean view) {
        String etag = view ? (gzip ? entry.viewGzipEtag() : entry.viewEtag()) : (gzip ? entry.gzipEtag() : entry.etag());
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        MutableHttpResponse<?> response;
        if (ifNoneMatch != null ? matches(ifNoneMatch, entry, view) : notModifiedSince(request, entry)) {
            response = HttpResponse.status(HttpStatus.NOT_MODIFIED);
        } else if (delta != null) {
            response = HttpResponse.status(HttpStatus.valueOf(IM_USED)).body(gzip ? FeedCache.gzip(delta) : delta)
                    .header("IM", "feed");
        } else {
            response = HttpResponse.ok(gzip ? entry.gzip() : entry.rendered().bytes());
        }
        if (gzip && response.status() != HttpStatus.NOT_MODIFIED) {
            response.header(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        if (request.getMethod() == HttpMethod.HEAD) {
            // HEAD answers like GET without the body: the headers, Content-Length included
            long length = response.getBody(byte[].class).map(b -> (long) b.length).orElse(0L);
            response.body(null);
            if (response.status() != HttpStatus.NOT_MODIFIED) {
                response.header(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
            }
        }
        FeedFormat format = entry.rendered().format();
        boolean partnerOnly = config.isPartnerFeed(entry.rendered().feed().name());
        response.header(HttpHeaders.CONTENT_TYPE, view ? format.viewContentType() : format.contentType())
                .header(HttpHeaders.ETAG, etag)

                .header(HttpHeaders.CACHE_CONTROL, delta != null && response.code() == IM_USED ? "no-store, im"
                        : (partnerOnly ? "private" : "public") + ", max-age=" + entry.rendered().feed().maxAge())
                .header(HttpHeaders.VARY, browserView.vary(format, partnerOnly))
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Last-Modified, Link, IM")
                .header("X-Content-Type-Options", "nosniff");
        Instant lastModified = entry.rendered().lastModified();
        if (!lastModified.truncatedTo(ChronoUnit.SECONDS).equals(clock.instant().truncatedTo(ChronoUnit.SECONDS))) {
            // HTTP dates have whole seconds: a date of the current second could also name a version still to
            // come within it, so it is sent only once that second is over (RFC 9110 8.8.2.2); the ETag serves meanwhile
            response.header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
        }
        CacheKeys keys = entry.rendered().cacheKeys();
        if (keys.any()) {
            // built once per render: a cached answer only copies them
            response.header(SURROGATE_KEY, keys.surrogateKey()).header(CACHE_TAG, keys.cacheTag());
        }
        entry.rendered().feed().hubs().forEach(hub -> response.getHeaders().add(HttpHeaders.LINK, "<" + hub + ">; rel=\"hub\""));
        response.getHeaders().add(HttpHeaders.LINK, "<" + entry.rendered().feed().selfUrl(format) + ">; rel=\"self\"");
        return response;
    }

    /** True when the request asks for an RFC 3229 "feed" delta ({@code A-IM: feed}). */
    static boolean wantsDelta(HttpRequest<?> request) {
        String aim = request.getHeaders().get("A-IM");
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
    static Optional<String> deltaBase(HttpRequest<?> request, FeedCache.Entry current, boolean view) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || matches(ifNoneMatch, current, view)) {
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
     * gets, or *, matches; the other media type's validators do not, so a 304 never confirms a copy of the other.
     */
    static boolean matches(String ifNoneMatch, FeedCache.Entry entry, boolean view) {
        return matchesEither(ifNoneMatch, view ? entry.viewEtag() : entry.etag(),
                view ? entry.viewGzipEtag() : entry.gzipEtag());
    }

    /** Whether {@code If-None-Match} names {@code identity} or {@code gzip} (weak comparison), or is {@code *}. */
    static boolean matchesEither(String ifNoneMatch, String identity, String gzip) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = opaque(candidate);
            if (tag.equals("*") || tag.equals(identity) || tag.equals(gzip)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String candidate) {
        String tag = candidate.strip();
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static boolean notModifiedSince(HttpRequest<?> request, FeedCache.Entry entry) {
        String since = request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null) {
            return false;
        }
        try {
            Instant date = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !entry.rendered().lastModified().truncatedTo(ChronoUnit.SECONDS).isAfter(date);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** gzip unless the client refuses it (q=0) or does not name it (nor *). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals(GZIP) || coding.equals("x-gzip") || coding.equals("*")) {
                return !refused(pieces);
            }
        }
        return false;
    }

    private static boolean refused(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
