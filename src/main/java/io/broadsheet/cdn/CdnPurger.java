package io.broadsheet.cdn;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.config.PurgeWebhook;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.broadsheet.notify.NotifySettings;
import io.broadsheet.notify.RetryingPoster;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the CDN which cached feeds to drop: POSTs the cache keys of the feeds a change altered to the purge webhook
 * of feeds-config ({@code cdn.purge}), off the request path. Keys arriving within a short window go out together;
 * a refused purge is retried with exponential backoff, like WebSub pings ({@link RetryingPoster}).
 */
@Singleton
public class CdnPurger {

    /** Fastly's batch purge takes at most 256 keys: https://www.fastly.com/documentation/reference/api/purging/ */
    private static final int FASTLY_KEYS_PER_REQUEST = 256;
    /** Cloudflare purges at most 30 tags per call: https://developers.cloudflare.com/api/operations/zone-purge */
    private static final int CLOUDFLARE_TAGS_PER_REQUEST = 30;

    private final PurgeWebhook webhook;
    private final JsonMapper json;
    private final RetryingPoster<String> poster;

    public CdnPurger(FeedsConfig config, BroadsheetMetrics metrics, JsonMapper json, CdnSettings settings,
                     NotifySettings notify) {
        this.webhook = config.purge();
        this.json = json;
        this.poster = webhook == null ? null : new RetryingPoster<>("CDN purge",
                settings.poster(notify), this::requests,
                attempt -> metrics.hubPing(BroadsheetMetrics.PURGE, attempt.outcome().name().toLowerCase(Locale.ROOT)));
    }

    /** Queues cache keys to purge ({@link CacheKeys}); returns at once. Without a webhook, does nothing. */
    public void purge(Collection<String> keys) {
        if (poster != null) {
            poster.submit(keys);
        }
    }

    private List<RetryingPoster.Post> requests(List<String> batch) {
        // purging every feed makes each other key of the batch redundant
        List<String> keys = batch.contains(CacheKeys.EVERY_FEED) ? List.of(CacheKeys.EVERY_FEED) : batch;
        String field = switch (webhook.body()) {
            case KEYS -> "keys";
            case FASTLY -> "surrogate_keys";
            case CLOUDFLARE -> "tags";
        };
        int perRequest = switch (webhook.body()) {
            case KEYS -> keys.size();
            case FASTLY -> FASTLY_KEYS_PER_REQUEST;
            case CLOUDFLARE -> CLOUDFLARE_TAGS_PER_REQUEST;
        };
        List<RetryingPoster.Post> requests = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += perRequest) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + perRequest));
            requests.add(new RetryingPoster.Post(webhook.displayUrl(), "purge of " + part, request(Map.of(field, part))));
        }
        return requests;
    }

    private HttpRequest request(Map<String, List<String>> body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(webhook.url()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        webhook.headers().forEach(builder::header);
        try {
            return builder.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Purges still waiting go out once; see {@link RetryingPoster#close()}. */
    @PreDestroy
    void stop() {
        if (poster != null) {
            poster.close();
        }
    }
}
