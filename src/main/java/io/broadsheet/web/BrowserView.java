package io.broadsheet.web;

import io.broadsheet.feed.FeedFormat;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The browser view of RSS and Atom feeds: each document names {@code /feeds/feed.xsl} in an xml-stylesheet
 * processing instruction, and a request whose {@code Accept} prefers {@code text/html} (a browser opening the
 * feed's URL) gets the same bytes as {@code application/xml}, the media type browsers run that XSLT on; every other
 * request (feed readers, {@code *}{@code /*}, no Accept) gets the format's own media type, as before. The answers of
 * an XML feed therefore carry {@code Vary: Accept}, and each variant has its own ETag (FeedCache.Entry).
 * Specs: https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1, https://www.w3.org/TR/xml-stylesheet/
 */
@Singleton
public class BrowserView {

    /** text/xsl: what browsers have always loaded XSLT as (application/xslt+xml is the registered type). */
    static final String STYLESHEET_TYPE = "text/xsl; charset=utf-8";
    private static final String STYLESHEET_RESOURCE = "/xslt/feed.xsl";
    /** An hour: a new release's stylesheet reaches browsers within it; the ETag revalidates it cheaply after. */
    private static final String STYLESHEET_CACHE = "public, max-age=3600";
    private static final String HTML = "text/html";
    private static final String VARY_PUBLIC = "Accept-Encoding, Accept";
    private static final String VARY_PARTNER = "Accept-Encoding, Authorization, Accept";
    private static final String VARY_PUBLIC_NO_VIEW = "Accept-Encoding";
    private static final String VARY_PARTNER_NO_VIEW = "Accept-Encoding, Authorization";
    /** A q-value of 1, in thousandths. */
    private static final int ONE = 1000;

    private final boolean enabled;
    private final byte[] stylesheet;
    private final String stylesheetEtag;

    /**
     * @param enabled {@code broadsheet.browser-view} ({@code BROADSHEET_BROWSER_VIEW}): false answers every request
     *                with the feed's own media type and leaves {@code Accept} out of {@code Vary}, for a cache that
     *                ignores {@code Vary: Accept} (Cloudflare's); the documents still name the stylesheet
     */
    public BrowserView(@Value("${broadsheet.browser-view:true}") boolean enabled) {
        this.enabled = enabled;
        try (InputStream in = BrowserView.class.getResourceAsStream(STYLESHEET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET_RESOURCE + " is missing from the class path");
            }
            stylesheet = in.readAllBytes();
            stylesheetEtag = "\"" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(stylesheet)).substring(0, 32) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether to answer a request for {@code format} whose {@code Accept} is {@code accept} with its view. */
    boolean serves(String accept, FeedFormat format) {
        return enabled && format.hasView() && wanted(accept, format);
    }

    /**
     * Whether to serve {@code format} as its view: it has one, and {@code accept} names {@code text/html} with a
     * higher q than it gives the format's media type (the most specific range that matches each counts).
     * Browsers' navigations send {@code text/html,...,*}{@code /*;q=0.8}; feed readers name their formats, or
     * send {@code *}{@code /*} (a tie) or nothing. Looks for {@code text/html} first, so most requests allocate nothing.
     */
    static boolean wanted(String accept, FeedFormat format) {
        if (!format.hasView() || accept == null || indexOfIgnoreCase(accept, HTML) < 0) {
            return false;
        }
        int html = quality(accept, HTML, true);
        return html > 0 && html > quality(accept, format.mediaType(), false);
    }

    /** The Vary of every answer of a feed: Accept for a format that has a view, Authorization for a partner feed. */
    String vary(FeedFormat format, boolean partnerOnly) {
        if (enabled && format.hasView()) {
            return partnerOnly ? VARY_PARTNER : VARY_PUBLIC;
        }
        return partnerOnly ? VARY_PARTNER_NO_VIEW : VARY_PUBLIC_NO_VIEW;
    }

    /** {@code GET /feeds/feed.xsl}: the stylesheet, with an ETag (304 on a match) and an hour's freshness. */
    MutableHttpResponse<?> stylesheet(HttpRequest<?> request) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        boolean unchanged = ifNoneMatch != null
                && FeedResponses.matchesEither(ifNoneMatch, stylesheetEtag, stylesheetEtag);
        MutableHttpResponse<?> response = unchanged ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : request.getMethod() == HttpMethod.HEAD ? HttpResponse.ok()
                .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(stylesheet.length))
                : HttpResponse.ok(stylesheet);
        return response.header(HttpHeaders.CONTENT_TYPE, STYLESHEET_TYPE)
                .header(HttpHeaders.ETAG, stylesheetEtag)
                .header(HttpHeaders.CACHE_CONTROL, STYLESHEET_CACHE)
                .header("X-Content-Type-Options", "nosniff");
    }

    /**
     * The q-value, in thousandths, that {@code accept} gives {@code type} ({@code text/html}, or a feed's media
     * type): that of the most specific range matching it (exact, then {@code type/*}, then {@code *}{@code /*}),
     * 0 when none does. {@code exactOnly}: only an exact range counts (a browser names {@code text/html}).
     */
    static int quality(String accept, String type, boolean exactOnly) {
        int slash = type.indexOf('/');
        int exact = -1;
        int family = -1;
        int any = -1;
        int start = 0;
        int length = accept.length();
        while (start <= length) {
            int end = accept.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = accept.indexOf(';', start);
            int rangeEnd = semicolon < 0 || semicolon > end ? end : semicolon;
            int from = HeaderText.skipSpaces(accept, start, rangeEnd);
            int to = HeaderText.trimEnd(accept, from, rangeEnd);
            int rangeLength = to - from;
            if (rangeLength == type.length() && accept.regionMatches(true, from, type, 0, rangeLength)) {
                exact = q(accept, rangeEnd, end);
            } else if (rangeLength == slash + 2 && accept.regionMatches(true, from, type, 0, slash + 1)
                    && accept.charAt(to - 1) == '*') {
                family = q(accept, rangeEnd, end);
            } else if (rangeLength == 3 && accept.startsWith("*/*", from)) {
                any = q(accept, rangeEnd, end);
            }
            start = end + 1;
        }
        if (exact >= 0 || exactOnly) {
            return Math.max(exact, 0);
        }
        return family >= 0 ? family : Math.max(any, 0);
    }

    /** The q parameter among a range's parameters ({@code from} at its first ';'), 1 when absent, 0 when malformed. */
    private static int q(String accept, int from, int end) {
        int at = from;
        while (at < end) {
            int next = accept.indexOf(';', at + 1);
            if (next < 0 || next > end) {
                next = end;
            }
            int name = HeaderText.skipSpaces(accept, at + 1, next);
            if (name < next && (accept.charAt(name) == 'q' || accept.charAt(name) == 'Q')) {
                int equals = HeaderText.skipSpaces(accept, name + 1, next);
                if (equals < next && accept.charAt(equals) == '=') {
                    int value = HeaderText.skipSpaces(accept, equals + 1, next);
                    return qvalue(accept, value, HeaderText.trimEnd(accept, value, next));
                }
            }
            at = next;
        }
        return ONE;
    }

    /** RFC 9110 12.4.2: {@code 0[.ddd]} or {@code 1[.000]}, in thousandths; anything else is 0 (not acceptable). */
    private static int qvalue(String s, int from, int to) {
        if (from >= to || (s.charAt(from) != '0' && s.charAt(from) != '1')) {
            return 0;
        }
        int value = (s.charAt(from) - '0') * ONE;
        if (from + 1 == to) {
            return value;
        }
        if (s.charAt(from + 1) != '.' || to - from > 5) {
            return 0;
        }
        int scale = 100;
        for (int i = from + 2; i < to; i++, scale /= 10) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value += (c - '0') * scale;
        }
        return Math.min(value, ONE);
    }

    private static int indexOfIgnoreCase(String s, String part) {
        for (int i = 0; i + part.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }
}
