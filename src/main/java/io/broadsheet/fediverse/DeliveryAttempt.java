package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.fediverse.signature.HttpSignatures;
import io.broadsheet.http.HttpDates;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.broadsheet.storage.DeliveryRepository;
import io.broadsheet.storage.DeliveryRepository.Due;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt at one delivery: the stored activity POSTed, signed with the feed's key, to the inbox, and its outcome
 * settled in the queue. 2xx: delivered; 5xx, 429, a time-out or a failed connection: tried again after
 * {@code first-retry} doubled for each earlier attempt (a longer {@code Retry-After} of a 429 respected) until
 * {@code give-up-after} from the activity's creation; any other status, or an address the guard refuses
 * ({@link BlockedAddressException}): given up (410 also removes every feed's followers whose deliveries go there);
 * an inbox of a blocked domain: dropped unsent. Every outcome is settled only while the row holds this taking's
 * lease ({@link DeliveryRepository.Due#leasedUntil()}).
 */
@Singleton
class DeliveryAttempt {

    static final String ACTIVITY_JSON = "application/activity+json";
    /** An inbox's answer is not read beyond this. */
    private static final int MAX_ANSWER_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempt.class);

    private final DeliveryRepository rows;
    private final QueueWrites queueWrites;
    private final FediverseHttp http;
    private final Followers followers;
    private final Actors actors;
    private final ActorKeys keys;
    private final FediverseSettings settings;
    private final FeedsConfig config;
    private final BroadsheetMetrics metrics;
    private final DeliveryLog log;
    private final Clock clock;
    private final String userAgent;

    DeliveryAttempt(DeliveryRepository rows, QueueWrites queueWrites, FediverseHttp http,
                    Followers followers, Actors actors, ActorKeys keys, FediverseSettings settings, FeedsConfig config,
                    BroadsheetMetrics metrics, DeliveryLog log, Clock clock) {
        this.rows = rows;
        this.queueWrites = queueWrites;
        this.http = http;
        this.followers = followers;
        this.actors = actors;
        this.keys = keys;
        this.settings = settings;
        this.config = config;
        this.metrics = metrics;
        this.log = log;
        this.clock = clock;
        String version = Optional.ofNullable(DeliveryAttempt.class.getPackage().getImplementationVersion()).orElse("0.1.0");
        this.userAgent = "Broadsheet/" + version + " (+" + config.site().baseUrl() + ")";
    }

    /** Sends a leased delivery and settles what came of it; false when interrupted first (it stays leased). */
    boolean deliver(Due due) {
        URI inbox = URI.create(due.inbox());
        if (config.blocksDomain(inbox.getHost())) {
            settle(due, BroadsheetMetrics.DROPPED, 0, "blocked domain");
            return true;
        }
        try {
            HttpResponse<byte[]> answer = http.send(request(due, inbox), MAX_ANSWER_BYTES);
            answered(due, answer);
        } catch (BlockedAddressException e) {
            LOG.info("Delivery of activity {} to {} given up: {}", due.activity(), due.inbox(), e.getMessage());
            settle(due, BroadsheetMetrics.GAVE_UP, 0, e.getMessage());
        } catch (IOException e) {
            failed(due, 0, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the Deliverer gives it back
            return false;
        }
        return true;
    }

    private HttpRequest request(Due due, URI inbox) {
        byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = HttpSignatures.sign("POST", inbox, body, ACTIVITY_JSON, actors.keyId(due.feed()),
                keys.privateKey(due.feed()), clock.instant());
        HttpRequest.Builder request = HttpRequest.newBuilder(inbox)
                .timeout(settings.deliveryTimeout())
                .header("Content-Type", ACTIVITY_JSON)
                .header("Accept", ACTIVITY_JSON)
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach(request::header);
        return request.build();
    }

    private void answered(Due due, HttpResponse<byte[]> answer) {
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            if (settled(due)) {
                metrics.fediverseDelivery(BroadsheetMetrics.DELIVERED);
            }
        } else if (status == 429 || status >= 500) {
            failed(due, status, retryAfter(answer), null);
        } else if (status == 410) {
            settle(due, BroadsheetMetrics.GAVE_UP, status, null);
            int removed = followers.removeByDeliveryInbox(due.inbox());
            LOG.info("{} answered 410 Gone: {} follower(s) removed, of every feed", due.inbox(), removed);
        } else {
            settle(due, BroadsheetMetrics.GAVE_UP, status, null);
        }
    }

    /** A failure worth another attempt, unless the next one would come after give-up-after. */
    private void failed(Due due, int status, Duration retryAfter, String error) {
        int attempts = due.attempts() + 1;
        Duration wait = backoff(settings.firstRetry(), attempts);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        Instant next = clock.instant().plus(wait);
        if (next.isAfter(due.createdAt().plus(settings.giveUpAfter()))) {
            settle(due, BroadsheetMetrics.GAVE_UP, status, error);
            return;
        }
        String reason = error != null ? error : "HTTP " + status;
        String stored = reason.length() > 500 ? reason.substring(0, 500) : reason;
        if (!queueWrites.write(s -> rows.retryAt(due, attempts, next, stored))) {
            lostLease(due);
            return;
        }
        metrics.fediverseDelivery(BroadsheetMetrics.RETRIED);
        log.record(new DeliveryLog.Failure(clock.instant(), due.feed(), URI.create(due.inbox()).getHost(),
                BroadsheetMetrics.RETRIED, status, error, attempts));
    }

    /** The delivery ends unsent: given up or dropped. */
    private void settle(Due due, String outcome, int status, String error) {
        if (!settled(due)) {
            return;
        }
        metrics.fediverseDelivery(outcome);
        log.record(new DeliveryLog.Failure(clock.instant(), due.feed(), URI.create(due.inbox()).getHost(), outcome,
                status, error, due.attempts() + (BroadsheetMetrics.DROPPED.equals(outcome) ? 0 : 1)));
    }

    /** Settles the delivery under this taking's lease; false (logged) when another instance has taken it over. */
    private boolean settled(Due due) {
        if (queueWrites.write(s -> rows.settle(due))) {
            return true;
        }
        lostLease(due);
        return false;
    }

    private static void lostLease(Due due) {
        LOG.info("Delivery of activity {} to {} outlived its lease and was taken over; its outcome is the other"
                + " taking's to settle", due.activity(), due.inbox());
    }

    /** {@code first} doubled for each attempt before the last: first, 2 first, 4 first... */
    static Duration backoff(Duration first, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        return first.multipliedBy(1L << doublings);
    }

    /** A 429's Retry-After, in seconds or as an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<byte[]> answer) {
        Optional<String> value = answer.headers().firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return null;
        }
        if (value.get().matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value.get()));
        }
        return HttpDates.parse(value.get()).map(at -> Duration.between(clock.instant(), at)).orElse(null);
    }
}
