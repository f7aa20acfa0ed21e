package io.broadsheet.sitemap.http;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.config.SiteConfig;
import io.broadsheet.http.HttpDates;
import io.broadsheet.http.Preconditions;
import io.broadsheet.sitemap.Sitemaps;
import io.broadsheet.web.ApiDocs;
import io.micronaut.buffer.netty.NettyByteBufferFactory;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.stream.InputStreamByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;

/**
 * {@code /robots.txt}, {@code /sitemap.xml}, {@code /sitemaps/articles-N.xml} and {@code /sitemaps/news.xml}: the
 * documents of {@link Sitemaps} with the validators and codings feeds have (ETag, Last-Modified, 304, gzip).
 * Spec: https://www.sitemaps.org/protocol.html, https://www.rfc-editor.org/rfc/rfc9309
 */
@Tag(name = "Sitemaps")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING) // a render holds a render slot inside Sitemaps; a kept document takes none
public class SitemapController {

    /** Sitemaps are XML in UTF-8 (sitemaps.org). */
    static final String XML = "application/xml; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    private final Sitemaps sitemaps;
    private final FeedsConfig config;
    private final Clock clock;
    private final Executor blocking;

    public SitemapController(Sitemaps sitemaps, FeedsConfig config, Clock clock,
                             @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.blocking = blocking;
        this.sitemaps = sitemaps;
        this.config = config;
        this.clock = clock;
    }

    @Operation(operationId = "getRobots", summary = "robots.txt: the sitemaps, and what crawlers leave alone",
            description = "Names `/sitemap.xml` and `/sitemaps/news.xml`; disallows `/api/` and `/newsroom` for every"
                    + " crawler (under the base URL's path, if it has one). Feeds, pages and sitemaps stay open.")
    @ApiResponse(responseCode = "200", description = "The robots.txt file (RFC 9309).",
            content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
    @Get("/robots.txt")
    @Produces(MediaType.TEXT_PLAIN)
    public HttpResponse<String> robots() {
        return HttpResponse.ok(robotsText(config.site())).header(HttpHeaders.CONTENT_TYPE, TEXT)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl());
    }

    @Operation(operationId = "getSitemapIndex", summary = "The sitemap index: every page of article URLs",
            description = "Lists `/sitemaps/articles-N.xml` for each page that holds a readable article, with its"
                    + " `lastmod`. Validators and gzip as feeds; `HEAD` answers without the body.")
    @ApiResponse(responseCode = "200", description = "A sitemaps.org sitemap index.",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "The copy named by `If-None-Match` or `If-Modified-Since` is current.")
    @Get("/sitemap.xml")
    @Produces(MediaType.ALL)
    public HttpResponse<?> index(HttpRequest<?> request) {
        return answer(request, sitemaps.index());
    }

    @Operation(operationId = "getNewsSitemap", summary = "The news sitemap: the last 48 hours' articles",
            description = "At most 1,000 articles published in the last 48 hours, newest first, with `news:news` and"
                    + " an `image:image` per picture (Google's news and image sitemap rules).")
    @ApiResponse(responseCode = "200", description = "A sitemaps.org urlset with Google's news and image elements.",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "The copy named by `If-None-Match` or `If-Modified-Since` is current.")
    @Get("/sitemaps/news.xml")
    @Produces(MediaType.ALL)
    public HttpResponse<?> news(HttpRequest<?> request) {
        return answer(request, sitemaps.news());
    }

    @Operation(operationId = "getSitemapPage", summary = "A page of article URLs",
            description = "`articles-N.xml` lists the readable articles whose id lies in ((N-1)·size, N·size], by"
                    + " id, each with `lastmod`; size is `BROADSHEET_SITEMAPS_PAGE_SIZE` (50,000).",
            parameters = @Parameter(name = "file", description = "`articles-N.xml`, N from 1.",
                    schema = @Schema(type = "string", example = "articles-1.xml")))
    @ApiResponse(responseCode = "200", description = "A sitemaps.org urlset.",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "The copy named by `If-None-Match` or `If-Modified-Since` is current.")
    @ApiDocs.NotFound
    @Get("/sitemaps/{file}")
    @Produces(MediaType.ALL)
    public HttpResponse<?> page(String file, HttpRequest<?> request) {
        return answer(request, sitemaps.page(file));
    }

    private MutableHttpResponse<?> answer(HttpRequest<?> request, Sitemaps.Document document) {
        boolean gzip = Preconditions.acceptsGzip(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        boolean current = ifNoneMatch != null ? Preconditions.matchesEither(ifNoneMatch, document.etag(), document.gzipEtag())
                : Preconditions.notModifiedSince(request.getHeaders().get(HttpHeaders.IF_MODIFIED_SINCE),
                document.lastModified());
        MutableHttpResponse<?> response = current ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : gzip ? HttpResponse.ok(document.gzip()).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                : HttpResponse.ok(identity(document));
        response.header(HttpHeaders.CONTENT_TYPE, XML)
                .header(HttpHeaders.ETAG, gzip ? document.gzipEtag() : document.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("X-Content-Type-Options", "nosniff");
        Instant now = clock.instant();
        if (Preconditions.lastModifiedShown(document.lastModified(), now)) {
            response.header(HttpHeaders.LAST_MODIFIED, HttpDates.format(document.lastModified()));
        }
        return response;
    }

    /**
     * The robots.txt of {@code site}: under a base URL with a path ({@code https://example.com/news}) the disallowed
     * routes are there; crawlers read only the host's root {@code /robots.txt} (RFC 9309 2.3), which must hold them.
     */
    static String robotsText(SiteConfig site) {
        String path = URI.create(site.baseUrl()).getRawPath();
        return "User-agent: *\nDisallow: " + path + "/api/\nDisallow: " + path + "/newsroom\n\n"
                + "Sitemap: " + site.url("/sitemap.xml") + "\n"
                + "Sitemap: " + site.url("/sitemaps/news.xml") + "\n";
    }

    /** As fresh as the public feeds: their default max-age. */
    private String cacheControl() {
        return "public, max-age=" + config.defaultMaxAge();
    }

    /**
     * The identity bytes of a kept document, for the rare client that takes no gzip (crawlers do), inflated as they
     * are sent: a 50,000-URL page is megabytes of XML, never copied whole for one answer.
     */
    private CloseableByteBody identity(Sitemaps.Document document) {
        InputStream inflated;
        try {
            inflated = new GZIPInputStream(new ByteArrayInputStream(document.gzip()), 65536);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // its length, recorded at render time, is the answer's Content-Length (and a HEAD's)
        return InputStreamByteBody.create(inflated, OptionalLong.of(document.length()), blocking,
                NettyByteBufferFactory.DEFAULT);
    }
}
