package io.broadsheet.cdn;

import io.broadsheet.metrics.BroadsheetMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.broadsheet.testing.TestReceiver;
import io.broadsheet.config.FeedsConfigLoader;
import io.broadsheet.notify.NotifySettings;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Purge bodies in each CDN's shape, split where its API caps the keys per request. */
class CdnPurgerTest {

    private final TestReceiver cdn = new TestReceiver();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final BroadsheetMetrics metrics = new BroadsheetMetrics(registry, null);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        cdn.close();
    }

    private CdnPurger purger(String body) throws IOException {
        Files.writeString(dir.resolve("broadsheet.yml"), """
                site: {title: T, description: D, base-url: https://news.example.com}
                cdn:
                  purge:
                    url: %s
                    headers: {X-Api-Key: k}
                    body: %s
                """.formatted(cdn.url(), body));
        // a window no test waits for: stopping sends the batch, and waits for the answers
        return new CdnPurger(FeedsConfigLoader.load(dir, null), metrics, ObjectMapper.getDefault(),
                new CdnSettings(Duration.ofMinutes(1), Duration.ofMillis(50), 6), new NotifySettings(Duration.ofSeconds(3)));
    }

    private static List<String> feedKeys(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> CacheKeys.feedKey("f" + i)).toList();
    }

    private List<String> bodies() {
        return cdn.accepted().stream().map(TestReceiver.Request::body).sorted().toList();
    }

    @Test
    void cloudflareGetsItsTagsThirtyAtATime() throws IOException {
        CdnPurger purger = purger("cloudflare");
        purger.purge(feedKeys(31));
        purger.stop();
        assertEquals(List.of(
                "{\"tags\":[\"feed:f1\",\"feed:f2\",\"feed:f3\",\"feed:f4\",\"feed:f5\",\"feed:f6\",\"feed:f7\",\"feed:f8\","
                        + "\"feed:f9\",\"feed:f10\",\"feed:f11\",\"feed:f12\",\"feed:f13\",\"feed:f14\",\"feed:f15\","
                        + "\"feed:f16\",\"feed:f17\",\"feed:f18\",\"feed:f19\",\"feed:f20\",\"feed:f21\",\"feed:f22\","
                        + "\"feed:f23\",\"feed:f24\",\"feed:f25\",\"feed:f26\",\"feed:f27\",\"feed:f28\",\"feed:f29\","
                        + "\"feed:f30\"]}",
                "{\"tags\":[\"feed:f31\"]}"), bodies());
    }

    @Test
    void fastlyGetsSurrogateKeysUpTo256AtATime() throws IOException {
        CdnPurger purger = purger("fastly");
        purger.purge(feedKeys(257));
        purger.stop();
        List<String> bodies = bodies();
        assertEquals(2, bodies.size(), "257 keys in two requests");
        assertEquals(256, bodies.get(0).split(",").length);
        assertEquals("{\"surrogate_keys\":[\"feed:f257\"]}", bodies.get(1));
    }

    @Test
    void theGenericShapeSendsAWholeBatchInOneRequest() throws IOException {
        CdnPurger purger = purger("keys");
        purger.purge(feedKeys(300));
        purger.stop();
        assertEquals(1, bodies().size());
        assertEquals(300, bodies().get(0).split(",").length);
        assertTrue(registry.scrape().contains("broadsheet_hub_pings_total{outcome=\"sent\",target=\"purge\"} 1.0"),
                "the purge is counted as sent");
    }

    @Test
    void everyFeedsKeyMakesTheOtherKeysOfItsBatchRedundant() throws IOException {
        CdnPurger purger = purger("keys");
        purger.purge(List.of("feed:world", "feed:all"));
        purger.purge(List.of(CacheKeys.EVERY_FEED));
        purger.stop();
        assertEquals(List.of("{\"keys\":[\"feeds\"]}"), bodies());
    }
}
