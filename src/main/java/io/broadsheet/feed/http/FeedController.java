package io.broadsheet.feed.http;

import io.broadsheet.web.ApiDocs;
import io.broadsheet.web.BearerToken;
import io.broadsheet.web.ProblemHandler;
import io.broadsheet.clients.ClientAddresses;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedCursor;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.feed.FeedService;
import io.broadsheet.http.PageParameter;
import io.broadsheet.http.Preconditions;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.limits.RenderSlots;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.broadsheet.partner.PartnerKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Serves {@code /feeds/{name}.rss|.atom|.json|.ninjs}: cached bytes straight from the event loop, rendering on the
 * blocking pool only when a change or a lifted embargo made the cached copy stale; conditional GET, gzip,
 * RFC 5005 pages and RFC 3229 deltas (see {@link FeedResponses}), and the feed's HTML page for a browser (see
 * {@link BrowserView}). Every answer, errors included, is counted by feed, format, status and
 * coding; errors are answered by {@link ProblemHandler}, the one table of them.
 */
@Tag(name = "Feeds")
@Controller("/feeds")
public class FeedController {

    /** The format label of a request for a file that is no feed format. */
    private static final String UNKNOWN_FORMAT = "unknown";

    private final FeedCache cache;
    private final FeedService feeds;
    private final FeedResponses responses;
    private final FeedsConfig config;
    private final PartnerKeys partners;
    private final ExecutorService blocking;
    private final ProblemHandler problems;
    private final BroadsheetMetrics metrics;
    private final io.broadsheet.stats.PollRecorder polls;
    private final BrowserView view;
    private final ClientAddresses clients;
    private final RenderSlots slots;

    public FeedController(FeedCache cache, FeedService feeds, FeedsConfig config, PartnerKeys partners,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking, ProblemHandler problems,
                          BroadsheetMetrics metrics, io.broadsheet.stats.PollRecorder polls, BrowserView view,
                          FeedResponses responses, ClientAddresses clients, RenderSlots slots) {
        this.slots = slots;
        this.polls = polls;
        this.clients = clients;
        this.view = view;
        this.cache = cache;
        this.feeds = feeds;
        this.responses = responses;
        this.config = config;
        this.partners = partners;
        this.blocking = blocking;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Operation(operationId = "getFeed", summary = "A feed as RSS 2.0, Atom 1.0, JSON Feed 1.1 or IPTC ninjs 3.3",
            description = "Newest first by `publishedAt`, at most the feed's limit of items a page; a feed with no"
                    + " visible item is a valid empty feed. `HEAD` answers the same without the body. Public feeds need"
                    + " no credentials; a partner feed needs a partner key that grants it, as a bearer token or `?key=`:"
                    + " without one it answers `404` as a name no feed has does."
                    + " Cross-origin reads are allowed (`Access-Control-Allow-Origin: *`). A request whose `Accept`"
                    + " prefers `text/html` (a browser opening the URL) gets an RSS, Atom or JSON Feed as an HTML page"
                    + " instead, with its own `ETag`; their answers carry `Vary: Accept`. ninjs (`.ninjs`, for"
                    + " syndication: a JSON array of ninjs 3.3 objects, withdrawn items first with `pubStatus`"
                    + " `canceled`) has no page and is paged by its `Link` fields alone.",
            security = {@SecurityRequirement(name = ""), @SecurityRequirement(name = ApiDocs.PARTNER_TOKEN),
                    @SecurityRequirement(name = ApiDocs.PARTNER_KEY)},
            parameters = {
                    @Parameter(name = "file", in = ParameterIn.PATH, description = "`{name}.rss`, `{name}.atom`,"
                            + " `{name}.json` or `{name}.ninjs`; `{name}` is `all`, a category slug, or a feed named in"
                            + " feeds-config.",
                            schema = @Schema(type = "string", example = "world.rss")),
                    @Parameter(name = "page", description = "An RFC 5005 page, from 1 (newest items), up to"
                            + " `BROADSHEET_PAGING_MAX_PAGE` (20); deeper pages through the `next` links.",
                            schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")),
                    @Parameter(name = FeedCursor.PARAMETER, description = "A keyset cursor from a page's `next`"
                            + " link: the page of items after it, as cheap at any depth as the first page.",
                            schema = @Schema(type = "string", example = "1765104275000000-4711")),
                    @Parameter(name = "key", description = "A partner key, for a partner feed: the `partnerKey`"
                            + " scheme.", schema = @Schema(type = "string")),
                    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, description = "`ETag`s"
                            + " held (weak comparison); wins over `If-Modified-Since`. With `A-IM: feed`, an earlier"
                            + " first page's `ETag` asks for a delta.", schema = @Schema(type = "string")),
                    @Parameter(name = HttpHeaders.IF_MODIFIED_SINCE, in = ParameterIn.HEADER,
                            description = "An HTTP date.", schema = @Schema(type = "string")),
                    @Parameter(name = "A-IM", in = ParameterIn.HEADER, description = "`feed`: answer only what changed"
                            + " since the first page `If-None-Match` names (RFC 3229), when that version is at most"
                            + " `BROADSHEET_DELTA_HISTORY` (7 days) old.", schema = @Schema(type = "string")),
                    @Parameter(name = HttpHeaders.ACCEPT_ENCODING, in = ParameterIn.HEADER,
                            description = "`gzip` (unless `q=0`) gets the gzip copy.", schema = @Schema(type = "string"))})
    @ApiDocs.FeedAnswers
    // produces */*: whatever a client accepts, it gets the feed (Micronaut would otherwise answer 406 to a feed
    // reader's "Accept: application/rss+xml", as its default for a route is application/json)
    @Get("/{file}")
    @Produces(MediaType.ALL)
    public CompletableFuture<HttpResponse<?>> feed(String file, @Nullable @QueryValue String page,
                                                   @Nullable @QueryValue String after,
                                                   @Nullable @QueryValue String key, HttpRequest<?> request) {
        int dot = file.lastIndexOf('.');
        FeedFormat format = dot < 0 ? null : FeedFormat.ofExtension(file.substring(dot + 1)).orElse(null);
        String name = format == null ? file : file.substring(0, dot);
        boolean gzip = Preconditions.acceptsGzip(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
        try {
            return serve(name, format, new Wanted(page, after), key, gzip, request);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(counted(request, name, format, gzip, problems.handle(request, e)));
        }
    }

    /** Which page a request asks for: {@code ?page=} or {@code ?after=}, as sent. */
    private record Wanted(String page, String after) {

        /** The keyset cursor asked for, or null; 400 for a bad one, or for one together with a page. */
        FeedCursor cursor() {
            if (after == null) {
                return null;
            }
            if (page != null) {
                throw InvalidInputException.of(FeedCursor.PARAMETER, "names a page by itself: send ?"
                        + FeedCursor.PARAMETER + "= or ?page=, not both");
            }
            return FeedCursor.parse(after);
        }
    }

    /**
     * Cached bytes on the event loop; a render, a delta or an error on the blocking pool, once a render slot is
     * held (503 with Retry-After when none came in time: see {@link RenderSlots}).
     */
    private CompletableFuture<HttpResponse<?>> serve(String name, FeedFormat format, Wanted wanted, String key,
                                                     boolean gzip, HttpRequest<?> request) {
        if (format == null) {
            throw new FeedNotFoundException("Feeds are served as {name}.rss, {name}.atom, {name}.json or {name}.ninjs; '"
                    + name + "' is none of these.");
        }
        FeedCursor cursor = wanted.cursor();
        int number = PageParameter.of(request.getParameters().getAll(PageParameter.NAME), feeds.maxPage(),
                FeedService.DEEPER_PAGES);
        if (config.isPartnerFeed(name) && partners.authorise(partnerKey(request, key), name).isEmpty()) {
            // answered as an unknown name is, the same way: a stranger cannot tell a partner feed exists
            return onBlockingPool(request, name, format, gzip, () -> {
                throw feeds.hidden(name);
            });
        }
        if (view.serves(request.getHeaders().get(HttpHeaders.ACCEPT), format)) {
            return page(name, format, number, cursor, gzip, request);
        }
        boolean delta = FeedResponses.wantsDelta(request);
        Optional<FeedCache.Entry> cached = delta || cursor != null ? Optional.empty() : cache.peek(name, format, number);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(counted(request, name, format, gzip,
                    responses.answer(request, cached.get(), null, gzip, null)));
        }
        return onBlockingPool(request, name, format, gzip,
                () -> render(name, format, number, cursor, delta, gzip, request));
    }

    /** The feed's page for a browser: from the event loop when it was made already, else made on the blocking pool. */
    private CompletableFuture<HttpResponse<?>> page(String name, FeedFormat format, int number, FeedCursor cursor,
                                                    boolean gzip, HttpRequest<?> request) {
        Optional<FeedCache.Entry> cached = cursor != null ? Optional.empty() : cache.peek(name, format, number);
        FeedView made = cached.map(view::cached).orElse(null);
        if (made != null) {
            return CompletableFuture.completedFuture(counted(request, name, format, gzip,
                    responses.answer(request, cached.get(), null, gzip, made)));
        }
        return onBlockingPool(request, name, format, gzip, () -> {
            FeedCache.Entry entry = entry(name, format, number, cursor);
            return responses.answer(request, entry, null, gzip, view.of(entry));
        });
    }

    /**
     * {@code answer} on the blocking pool once a render slot is held (503 with Retry-After when none came in time:
     * see {@link RenderSlots}); a failure is answered by {@link ProblemHandler}.
     */
    private CompletableFuture<HttpResponse<?>> onBlockingPool(HttpRequest<?> request, String name, FeedFormat format,
                                                              boolean gzip, Supplier<HttpResponse<?>> answer) {
        return slots.acquire().thenApplyAsync(held -> {
            try {
                return counted(request, name, format, gzip, answer.get());
            } catch (RuntimeException e) {
                return counted(request, name, format, gzip, problems.handle(request, e));
            } finally {
                slots.release();
            }
        }, blocking).exceptionally(failure -> counted(request, name, format, gzip, problems.handle(request,
                failure instanceof CompletionException && failure.getCause() instanceof RuntimeException cause
                        ? cause : new IllegalStateException(failure))));
    }

    /** The page asked for: one of the numbered pages the cache keeps, or the one after a keyset cursor. */
    private FeedCache.Entry entry(String name, FeedFormat format, int number, FeedCursor cursor) {
        return cursor != null ? cache.renderAfter(name, format, cursor) : cache.get(name, format, number);
    }

    private HttpResponse<?> render(String name, FeedFormat format, int number, FeedCursor cursor, boolean wantsDelta,
                                   boolean gzip, HttpRequest<?> request) {
        FeedCache.Entry entry = entry(name, format, number, cursor);
        byte[] delta = null;
        if (number == 1 && cursor == null && wantsDelta) {
            Optional<Instant> base = FeedResponses.deltaBase(request, entry)
                    .flatMap(etag -> cache.versionTime(name, format, etag));
            delta = base.map(since -> feeds.renderChangesSince(entry.rendered(), since)).orElse(null);
        }
        return responses.answer(request, entry, delta, gzip, null);
    }

    /** Counts the answer; a name gets its own label only once an answer shows the feed exists (bounded labels). */
    private HttpResponse<?> counted(HttpRequest<?> request, String name, FeedFormat format, boolean gzip,
                                    HttpResponse<?> response) {
        int status = response.code();
        metrics.feedRequest(name, format == null ? UNKNOWN_FORMAT : format.extension(), status, gzip, status < 400);
        if (status == 200 || status == 226 || status == 304) {
            polls.record(name, format.extension(), status,
                    clients.address(request.getHeaders().get("X-Forwarded-For"),
                            ClientAddresses.peer(request.getRemoteAddress())),
                    request.getHeaders().get(HttpHeaders.USER_AGENT));
        }
        return response;
    }

    /** CORS preflight: browsers send it before a cross-origin GET that carries validators. */
    @Operation(operationId = "preflightFeed", summary = "CORS preflight for a feed",
            description = "Browsers send it before a cross-origin `GET` that carries validators.")
    @ApiResponse(responseCode = "204", description = "Cross-origin `GET` and `HEAD` allowed, with `If-None-Match`,"
            + " `If-Modified-Since` and `A-IM`, for a day.", headers = {
                    @Header(name = "Access-Control-Allow-Origin", schema = @Schema(type = "string")),
                    @Header(name = "Access-Control-Allow-Methods", schema = @Schema(type = "string")),
                    @Header(name = "Access-Control-Allow-Headers", schema = @Schema(type = "string")),
                    @Header(name = "Access-Control-Max-Age", schema = @Schema(type = "string"))})
    @Options("/{file}")
    public HttpResponse<?> preflight(String file) {
        return HttpResponse.status(HttpStatus.NO_CONTENT)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match, If-Modified-Since, A-IM")
                .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
    }

    private static String partnerKey(HttpRequest<?> request, String query) {
        String bearer = BearerToken.of(request);
        return bearer != null ? bearer : query;
    }
}
