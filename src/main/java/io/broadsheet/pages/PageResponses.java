package io.broadsheet.pages;

import io.broadsheet.config.FeedsConfig;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a page's template into a string and answers it with the headers every page carries. Rendering into a
 * buffer first makes a template error a clear 500 rather than a truncated 200 (Micronaut Views would otherwise
 * write the template straight into the response as it runs).
 */
@Singleton
public class PageResponses {

    /** Every page is HTML in UTF-8. */
    public static final String CONTENT_TYPE = "text/html;charset=utf-8";
    /**
     * Pages change with every write and no purge reaches them (CDN keys name feeds only): a minute of freshness
     * lets a CDN or browser absorb a burst of readers while a published, corrected or withdrawn story shows within
     * a minute.
     */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final ThymeleafViewsRenderer<Map<String, Object>> views;
    private final FeedsConfig config;
    /** The security fields of every page, in the order sent. */
    private final Map<String, String> securityHeaders;

    public PageResponses(ThymeleafViewsRenderer<Map<String, Object>> views, FeedsConfig config) {
        this.views = views;
        this.config = config;
        Map<String, String> security = new LinkedHashMap<>();
        security.put("Content-Security-Policy", contentSecurityPolicy(config.site().baseUrl()));
        security.put("X-Content-Type-Options", "nosniff");
        security.put("Referrer-Policy", "strict-origin-when-cross-origin");
        this.securityHeaders = Collections.unmodifiableMap(security);
    }

    /**
     * The header fields every page carries for its safety, name to value in the order sent: its
     * Content-Security-Policy, {@code X-Content-Type-Options: nosniff} and its Referrer-Policy. Pages served by other
     * capabilities (a feed's page for a browser) send the same.
     */
    public Map<String, String> securityHeaders() {
        return securityHeaders;
    }

    /**
     * Our own scripts, styles and images only, from this server or the site's base URL (the pages name their assets
     * by the base URL, which a proxy may serve under another origin); article pictures from any https host. The
     * JSON-LD block is a data block, which script-src does not govern. No inline script or style, no plugin, no
     * frame, and no form anywhere.
     */
    static String contentSecurityPolicy(String baseUrl) {
        URI base = URI.create(baseUrl);
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        return "default-src 'none'; script-src 'self' " + origin + "; style-src 'self' " + origin
                + "; img-src 'self' " + origin + " https: data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'self'";
    }

    /** A page rendered from {@code view} with {@code model} and what every page shows (site, assets, home link). */
    public MutableHttpResponse<String> page(HttpRequest<?> request, HttpStatus status, String view,
                                            Map<String, Object> model) {
        return answer(status, render(view, model, request));
    }

    /** The HTML of {@code view}, rendered completely before anything is sent. */
    public String render(String view, Map<String, Object> model, HttpRequest<?> request) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("site", config.site());
        all.put("home", config.site().url("/"));
        all.put("stylesheet", config.site().url("/assets/broadsheet.css"));
        all.put("script", config.site().url("/assets/broadsheet.js"));
        all.put("opml", config.site().url(OpmlController.PATH));
        all.putIfAbsent("feedLinks", List.of());
        Writable writable = views.render(view, all, request);
        StringWriter html = new StringWriter();
        try {
            writable.writeTo(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    /** The answer: status, HTML, caching and security headers. */
    MutableHttpResponse<String> answer(HttpStatus status, String html) {
        return dress(HttpResponse.status(status), html);
    }

    /** {@code response} carrying a page: its HTML, its media type, caching and security headers. */
    <T> MutableHttpResponse<String> dress(MutableHttpResponse<T> response, String html) {
        MutableHttpResponse<String> page = response.body(html);
        page.header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        securityHeaders.forEach(page::header);
        return page;
    }
}
