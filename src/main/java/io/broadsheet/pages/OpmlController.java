package io.broadsheet.pages;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedDirectory;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.broadsheet.limits.RendersFromDatabase;

import java.util.List;
import java.util.Objects;

/** {@code /feeds.opml}: every public feed as an OPML 2.0 subscription list, for readers that import one. */
@Controller
@Produces(OpmlController.CONTENT_TYPE)
@ExecuteOn(TaskExecutors.BLOCKING)
@RendersFromDatabase // each page holds a render slot (503 with Retry-After when none comes in time)
public class OpmlController {

    static final String PATH = "/feeds.opml";
    /**
     * OPML has no registered media type; text/x-opml is the one feed readers and the OPML community use for it, and
     * it tells a browser to offer the file rather than show it as any XML. The charset is explicit: a text/* type
     * without one defaults to US-ASCII for some clients.
     */
    static final String CONTENT_TYPE = "text/x-opml; charset=utf-8";

    private final FeedDirectory directory;
    private final FeedService feeds;
    private final FeedLinks links;
    private final FeedsConfig config;

    public OpmlController(FeedDirectory directory, FeedService feeds, FeedLinks links, FeedsConfig config) {
        this.directory = directory;
        this.feeds = feeds;
        this.links = links;
        this.config = config;
    }

    @Get(PATH)
    public HttpResponse<byte[]> opml() {
        List<FeedDirectory.Listed> listed = directory.publicFeeds();
        List<Opml.Outline> outlines = listed.stream().map(f -> new Opml.Outline(f.definition().title(),
                Objects.requireNonNullElse(f.definition().description(), config.site().description()),
                feeds.feedUrl(f.name(), FeedFormat.RSS), links.htmlUrl(f))).toList();
        byte[] bytes = Opml.write(config.site(), outlines, listed);
        // as fresh as the pages that link to it; readers anywhere may fetch it, as they fetch the feeds
        return HttpResponse.ok(bytes).header(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, PageResponses.CACHE_CONTROL)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header("X-Content-Type-Options", "nosniff");
    }
}
