package io.broadsheet.web;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.feed.FeedService;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.partner.PartnerKeys;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Serves {@code /feeds/{name}.rss|.atom|.json}: cached bytes straight from the event loop, rendering on the
 * blocking pool only when a change or a lifted embargo made the cached copy stale; conditional GET, gzip,
 * RFC 5005 pages and RFC 3229 deltas (see {@link FeedResponses}).
 */
@Controller("/feeds")
public class FeedController {

    private final FeedCache cache;
    private final FeedService feeds;
    private final FeedResponses responses;
    private final FeedsConfig config;
    private final PartnerKeys partners;
    private final ExecutorService blocking;

    public FeedController(FeedCache cache, FeedService feeds, FeedsConfig config, PartnerKeys partners, Clock clock,
                          @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.cache = cache;
        this.feeds = feeds;
        this.responses = new FeedResponses(config, clock);
        this.config = config;
        this.partners = partners;
        this.blocking = blocking;
    }

    @Get("/{file}")
    @Head("/{file}")
    public CompletableFuture<HttpResponse<?>> feed(String file, @Nullable @QueryValue String page,
                                                   @Nullable @QueryValue String key, HttpRequest<?> request) {
        int dot = file.lastIndexOf('.');
        FeedFormat format = dot < 0 ? null : FeedFormat.ofExtension(file.substring(dot + 1)).orElse(null);
        if (format == null) {
            throw new FeedNotFoundException("Feeds are served as {name}.rss, {name}.atom or {name}.json; '"
                    + file + "' is none of these.");
        }
        String name = file.substring(0, dot);
        if (config.isPartnerFeed(name) && partners.authorise(partnerKey(request, key), name).isEmpty()) {
            return CompletableFuture.completedFuture(Problem.of(HttpStatus.UNAUTHORIZED, "The feed '" + name
                            + "' is for partners: send a partner key that grants it, as 'Authorization: Bearer <key>' or ?key=<key>.")
                    .toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"broadsheet-partners\""));
        }
        int number = pageNumber(page);
        Optional<FeedCache.Entry> cached = cache.peek(name, format, number);
        if (cached.isPresent() && !FeedResponses.wantsDelta(request)) {
            return CompletableFuture.completedFuture(responses.answer(request, cached.get(), null));
        }
        return CompletableFuture.supplyAsync(() -> {
            FeedCache.Entry entry = cache.get(name, format, number);
            byte[] delta = null;
            if (number == 1 && FeedResponses.wantsDelta(request)) {
                Optional<Instant> base = FeedResponses.deltaBase(request, entry)
                        .flatMap(etag -> cache.versionTime(name, format, etag));
                delta = base.map(since -> feeds.renderChangesSince(entry.rendered(), since)).orElse(null);
            }
            return responses.answer(request, entry, delta);
        }, blocking);
    }

    /** CORS preflight: browsers send it before a cross-origin GET that carries validators. */
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

    private static int pageNumber(String page) {
        if (page == null) {
            return 1;
        }
        try {
            return Integer.parseInt(page);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("page", "must be a page number from 1, got '" + page + "'");
        }
    }
}
