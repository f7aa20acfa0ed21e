package io.broadsheet.newsroom;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;
import java.util.Locale;

/**
 * What every answer under {@code /newsroom} carries (no caching, scripts and styles from this site only, no
 * framing), and what every request that changes state must pass: a small body, and an {@code Origin} (or, when a
 * browser sends none, a {@code Referer}) of this site, so that no other site can make a signed-in browser post a
 * form here, the sign-in form included.
 * Spec: https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
@ServerFilter({NewsroomSessions.PATH, NewsroomSessions.PATH + "/**"})
public class NewsroomGuard {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** The newsroom's forms hold a token and a few fields. */
    static final int MAX_BODY = 8 * 1024;

    private final String siteOrigin;

    public NewsroomGuard(FeedsConfig config) {
        this.siteOrigin = origin(config.site().baseUrl());
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return null;
        }
        if (request.getContentLength() > MAX_BODY
                || request.getContentLength() < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return secured(Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "The newsroom's forms are at most " + MAX_BODY + " bytes, sent with a Content-Length.").toResponse());
        }
        if (!fromThisSite(request)) {
            return secured(Problem.of(HttpStatus.FORBIDDEN, "The newsroom takes forms from its own pages"
                    + " only: this request's Origin (or Referer) is another site's, or it names none.").toResponse());
        }
        return null;
    }

    @ResponseFilter
    public void headers(MutableHttpResponse<?> response) {
        secured(response);
    }

    static MutableHttpResponse<?> secured(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    /**
     * True when the request names, as Origin or else as Referer, the site's base URL origin or the origin it was
     * sent to (its scheme and Host header), which no other site's page can choose.
     */
    boolean fromThisSite(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String presented = origin != null ? origin(origin) : origin(request.getHeaders().get(HttpHeaders.REFERER));
        if (presented == null) {
            return false;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String addressed = host == null ? null : origin((request.isSecure() ? "https://" : "http://") + host);
        return presented.equals(siteOrigin) || presented.equals(addressed);
    }

    /** {@code scheme://host[:port]} in lower case without a default port, or null when the text is no http(s) URL. */
    @Nullable
    static String origin(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
