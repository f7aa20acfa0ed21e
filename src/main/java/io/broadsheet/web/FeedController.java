package io.broadsheet.web;

import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.feed.FeedService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Serves {@code /feeds/{name}.rss}, {@code .atom} and {@code .json}. */
@Controller("/feeds")
public class FeedController {

    private final FeedService feeds;

    public FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @Get("/{file}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<byte[]> feed(String file) {
        int dot = file.lastIndexOf('.');
        FeedFormat format = dot < 0 ? null : FeedFormat.ofExtension(file.substring(dot + 1)).orElse(null);
        if (format == null) {
            throw new FeedNotFoundException("Feeds are served as {name}.rss, {name}.atom or {name}.json; '"
                    + file + "' is none of these.");
        }
        FeedService.Rendered rendered = feeds.render(file.substring(0, dot), format);
        return HttpResponse.ok(rendered.bytes()).header(HttpHeaders.CONTENT_TYPE, format.contentType());
    }
}
