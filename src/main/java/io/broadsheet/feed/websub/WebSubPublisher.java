package io.broadsheet.feed.websub;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.broadsheet.notify.NotifySettings;
import io.broadsheet.notify.RetryingPoster;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Tells the WebSub hubs that feeds changed: {@code hub.mode=publish&hub.url=<feed url>} per feed URL and hub,
 * off the request path. Changes arriving within a short window are sent once; a failed ping is retried with
 * exponential backoff, and every outcome is logged ({@link RetryingPoster}) and the latest are kept in
 * {@link HubPingLog}.
 * Spec: https://www.w3.org/TR/websub/#publishing
 */
@Singleton
public class WebSubPublisher {

    private final List<URI> hubs;
    private final RetryingPoster<String> poster;

    public WebSubPublisher(FeedsConfig config, BroadsheetMetrics metrics, HubPingLog log,
                           WebSubSettings settings, NotifySettings notify) {
        this.hubs = config.hubs();
        this.poster = new RetryingPoster<>("WebSub",
                settings.poster(notify), this::pings,
                attempt -> {
                    metrics.hubPing(BroadsheetMetrics.HUB, attempt.outcome().name().toLowerCase(Locale.ROOT));
                    log.record(attempt);
                });
    }

    /** Queues a publish ping for each feed URL; returns at once. */
    public void publish(Collection<String> feedUrls) {
        if (!hubs.isEmpty()) {
            poster.submit(feedUrls);
        }
    }

    private List<RetryingPoster.Post> pings(List<String> feedUrls) {
        List<RetryingPoster.Post> pings = new ArrayList<>();
        for (URI hub : hubs) {
            for (String feedUrl : feedUrls) {
                String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8);
                HttpRequest request = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
                pings.add(new RetryingPoster.Post(hub.toString(), "publish of " + feedUrl, request, feedUrl));
            }
        }
        return pings;
    }

    /** Pings still waiting go out once; see {@link RetryingPoster#close()}. */
    @PreDestroy
    void stop() {
        poster.close();
    }
}
