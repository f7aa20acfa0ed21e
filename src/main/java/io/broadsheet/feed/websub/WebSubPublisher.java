package io.broadsheet.feed.websub;

import io.broadsheet.config.FeedsConfig;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells the WebSub hubs that feeds changed: {@code hub.mode=publish&hub.url=<feed url>} per feed URL and hub,
 * off the request path. Changes arriving within a short window are sent once; a failed ping is retried with
 * exponential backoff, and every outcome is logged.
 * Spec: https://www.w3.org/TR/websub/#publishing
 */
@Singleton
public class WebSubPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(WebSubPublisher.class);

    private final List<URI> hubs;
    private final Duration delay;
    private final Duration firstRetry;
    private final int attempts;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "websub-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> pending = new LinkedHashSet<>();

    public WebSubPublisher(FeedsConfig config,
                           @Value("${broadsheet.websub.delay:1s}") Duration delay,
                           @Value("${broadsheet.websub.first-retry:2s}") Duration firstRetry,
                           @Value("${broadsheet.websub.attempts:6}") int attempts) {
        this.hubs = config.hubs();
        this.delay = delay;
        this.firstRetry = firstRetry;
        this.attempts = attempts;
    }

    /** Queues a publish ping for each feed URL; returns at once. */
    public void publish(Collection<String> feedUrls) {
        if (hubs.isEmpty() || feedUrls.isEmpty()) {
            return;
        }
        synchronized (pending) {
            boolean idle = pending.isEmpty();
            pending.addAll(feedUrls);
            if (idle) {
                scheduler.schedule(this::flush, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        List<String> urls;
        synchronized (pending) {
            urls = List.copyOf(pending);
            pending.clear();
        }
        for (URI hub : hubs) {
            for (String url : urls) {
                send(hub, url, 1);
            }
        }
    }

    private void send(URI hub, String feedUrl, int attempt) {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(hub).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                LOG.info("WebSub: {} accepted publish of {} ({})", hub, feedUrl, response.statusCode());
                return;
            }
            String why = failure != null ? failure.toString() : "status " + response.statusCode();
            if (attempt >= attempts) {
                LOG.error("WebSub: {} refused publish of {} ({}); gave up after {} attempts", hub, feedUrl, why, attempt);
                return;
            }
            long wait = firstRetry.toMillis() << (attempt - 1);
            LOG.warn("WebSub: {} refused publish of {} ({}); attempt {} of {}, retrying in {} ms",
                    hub, feedUrl, why, attempt, attempts, wait);
            scheduler.schedule(() -> send(hub, feedUrl, attempt + 1), wait, TimeUnit.MILLISECONDS);
        });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
