package io.broadsheet.web;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /metrics serves the service's meters, the pool's and the JVM's in the Prometheus text format. */
@MicronautTest(transactional = false)
class MetricsTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    /** name{labels} value: the text format's sample line. */
    private static final Pattern SAMPLE = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+");
    private static final String[] CATEGORIES = {"metrics-counted", "metrics-counted", "metrics-cache", "metrics-share"};

    @Inject
    BroadsheetMetrics metrics;

    @BeforeAll
    void publish() {
        for (int i = 0; i < CATEGORIES.length; i++) {
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("m" + i, WHEN, CATEGORIES[i]))).status());
        }
    }

    private String scrape() {
        Http.Answer answer = http.getAsAdmin("/metrics");
        assertEquals(200, answer.status(), answer.body());
        return answer.body();
    }

    /** The value of the sample {@code name{labels}}, labels given as name, value pairs; 0 when there is none. */
    private static double value(String scrape, String name, String... labels) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            sorted.put(labels[i], labels[i + 1]);
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, v) -> pairs.add(k + "=\"" + v + "\""));
        String series = name + (pairs.isEmpty() ? "" : "{" + String.join(",", pairs) + "}") + " ";
        return scrape.lines().filter(l -> l.startsWith(series)).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length()))).orElse(0.0);
    }

    private static double requests(String scrape, String feed, String format, int status, String coding) {
        return value(scrape, "broadsheet_feed_requests_total", "feed", feed, "format", format,
                "status", Integer.toString(status), "coding", coding);
    }

    @Test
    void metricsAreServedAsPrometheusTextWithThePoolAndJvmMeters() {
        Http.Answer answer = http.getAsAdmin("/metrics");
        assertEquals(200, answer.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", answer.header("Content-Type").orElseThrow());
        List<String> malformed = answer.body().lines()
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !SAMPLE.matcher(l).matches()).toList();
        assertEquals(List.of(), malformed);
        for (String name : List.of("hikaricp_connections_active", "hikaricp_connections_max", "jvm_memory_used_bytes",
                "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads", "process_cpu_usage",
                "system_cpu_usage", "broadsheet_articles_stored", "broadsheet_feed_not_modified_ratio")) {
            assertTrue(answer.body().contains("\n" + name), name + " is missing from /metrics");
        }
    }

    @Test
    void feedAnswersAreCountedByFeedFormatStatusAndCoding() {
        Http.Answer full = http.get("/feeds/metrics-counted.rss");
        assertEquals(200, full.status());
        assertEquals(200, http.send(http.request("/feeds/metrics-counted.rss").header("Accept-Encoding", "gzip")).status());
        assertEquals(304, http.send(http.request("/feeds/metrics-counted.rss")
                .header("If-None-Match", full.header("ETag").orElseThrow())).status());
        assertEquals(200, http.get("/feeds/metrics-counted.json").status());
        assertEquals(400, http.get("/feeds/metrics-counted.json?page=first").status());
        assertEquals(200, http.send(http.request("/feeds/metrics-counted.ninjs").header("Accept-Encoding", "gzip")).status());
        String scrape = scrape();
        assertEquals(1, requests(scrape, "metrics-counted", "rss", 200, "identity"));
        assertEquals(1, requests(scrape, "metrics-counted", "rss", 200, "gzip"));
        assertEquals(1, requests(scrape, "metrics-counted", "rss", 304, "identity"));
        assertEquals(1, requests(scrape, "metrics-counted", "json", 200, "identity"));
        assertEquals(1, requests(scrape, "metrics-counted", "json", 400, "identity"));
        assertEquals(1, requests(scrape, "metrics-counted", "ninjs", 200, "gzip"));
    }

    @Test
    void feedsThatDoNotExistShareOneLabel() {
        double before = requests(scrape(), "unknown", "rss", 404, "identity");
        assertEquals(404, http.get("/feeds/no-such-feed-1.rss").status());
        assertEquals(404, http.get("/feeds/no-such-feed-2.rss").status());
        assertEquals(404, http.get("/feeds/metrics-counted.xml").status());
        String scrape = scrape();
        assertEquals(before + 2, requests(scrape, "unknown", "rss", 404, "identity"));
        assertTrue(requests(scrape, "unknown", "unknown", 404, "identity") >= 1, "a file that is no feed format");
        assertFalse(scrape.contains("no-such-feed"), "a made-up name must not become a label");
    }

    @Test
    void cacheHitsMissesAndRenderTimesAreMeasured() {
        String before = scrape();
        assertEquals(200, http.get("/feeds/metrics-cache.atom").status());
        assertEquals(200, http.get("/feeds/metrics-cache.atom").status());
        String after = scrape();
        assertEquals(1, value(after, "broadsheet_feed_cache_gets_total", "result", "miss")
                - value(before, "broadsheet_feed_cache_gets_total", "result", "miss"), "the first request renders");
        assertEquals(1, value(after, "broadsheet_feed_cache_gets_total", "result", "hit")
                - value(before, "broadsheet_feed_cache_gets_total", "result", "hit"), "the second is served from memory");
        assertEquals(1, value(after, "broadsheet_feed_render_seconds_count", "format", "atom")
                - value(before, "broadsheet_feed_render_seconds_count", "format", "atom"));
        assertTrue(after.contains("broadsheet_feed_render_seconds_bucket{format=\"atom\",le=\"+Inf\"}"),
                "render times are a histogram");
    }

    @Test
    void notModifiedShareFollowsThe304Answers() {
        Http.Answer full = http.get("/feeds/metrics-share.atom");
        for (int i = 0; i < 3; i++) {
            assertEquals(304, http.send(http.request("/feeds/metrics-share.atom")
                    .header("If-None-Match", full.header("ETag").orElseThrow())).status());
        }
        double share = value(scrape(), "broadsheet_feed_not_modified_ratio");
        assertTrue(share > 0 && share < 1, "share of 304: " + share);
    }

    @Test
    void articlesStoredCountsTheDatabasesArticles() {
        assertEquals(CATEGORIES.length, value(scrape(), "broadsheet_articles_stored"));
    }

    @Test
    void hubPingsAndImportLinesShowFromTheStartAndCountWhatIsRecorded() {
        String before = scrape();
        for (String target : List.of(BroadsheetMetrics.HUB, BroadsheetMetrics.PURGE)) {
            for (String outcome : List.of(BroadsheetMetrics.SENT, BroadsheetMetrics.FAILED, BroadsheetMetrics.RETRIED)) {
                assertTrue(before.contains("broadsheet_hub_pings_total{outcome=\"" + outcome + "\",target=\"" + target + "\"} 0.0"),
                        target + "/" + outcome + " is not shown as 0");
            }
        }
        assertTrue(before.contains("broadsheet_import_lines_total{result=\"accepted\"} 0.0"));
        assertTrue(before.contains("broadsheet_import_lines_total{result=\"rejected\"} 0.0"));
        metrics.hubPing(BroadsheetMetrics.HUB, BroadsheetMetrics.RETRIED);
        metrics.importLines(1_000, 3);
        String after = scrape();
        assertEquals(1, value(after, "broadsheet_hub_pings_total", "target", "hub", "outcome", "retried"));
        assertEquals(0, value(after, "broadsheet_hub_pings_total", "target", "hub", "outcome", "sent"));
        assertEquals(1_000, value(after, "broadsheet_import_lines_total", "result", "accepted"));
        assertEquals(3, value(after, "broadsheet_import_lines_total", "result", "rejected"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> metrics.hubPing(BroadsheetMetrics.HUB, "lost"));
        assertTrue(wrong.getMessage().contains("[sent, failed, retried]"), wrong.getMessage());
    }
}
