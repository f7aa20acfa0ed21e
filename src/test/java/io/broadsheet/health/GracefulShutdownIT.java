package io.broadsheet.health;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ServiceProcess;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM, against the jar run as a child process: the requests in flight finish, the partner keys' counts are
 * written, the database closes last, and the log stays free of stack traces.
 */
class GracefulShutdownIT {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final int FETCHES = 25;
    private static final int SLOW_LINES = 40;

    @TempDir
    Path dir;

    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** An import body that sends one article line every {@code pause}, as a slow client does. */
    private static final class SlowBody extends InputStream {

        private final Duration pause;
        private final CountDownLatch started = new CountDownLatch(5);
        private int sent;
        private byte[] line = new byte[0];
        private int position;

        SlowBody(Duration pause) {
            this.pause = pause;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == line.length) {
                if (sent == SLOW_LINES) {
                    return -1;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                line = (Fixtures.json(Fixtures.article("slow" + sent, WHEN, "slow")) + "\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
                sent++;
                started.countDown();
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    private static CompletableFuture<HttpResponse<String>> importSlowly(Http http, SlowBody body) {
        HttpRequest request = http.admin("/api/articles/import")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private void assertQuietStop() throws Exception {
        String output = service.output();
        for (String sign : List.of("Exception", "\tat ", " ERROR ", " WARN ")) {
            assertFalse(output.contains(sign), "the log holds '" + sign.strip() + "'; see " + service.logFile());
        }
        assertFalse(output.contains("HTTP_ACCESS_LOGGER"), "the access log is off unless asked for");
        assertFalse(Files.exists(service.dataDir().resolve("broadsheet.trace.db")), "H2 wrote a trace of errors");
    }

    @Test
    void sigtermLetsTheRequestsInFlightFinishAndKeepsEveryPartnerKeyCount() throws Exception {
        service = new ServiceProcess(dir, Map.of());
        Http http = service.start();
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("wire", WHEN, "world"))).status());
        String key = FeedParsers.jsonTree(http.post("/api/partners",
                Fixtures.json(Map.of("name", "Wire partner", "feeds", List.of("partner-wire")))).body()).get("key").getStringValue();
        for (int i = 0; i < FETCHES; i++) {
            assertEquals(200, http.send(http.request("/feeds/partner-wire.rss").header("Authorization", "Bearer " + key)).status());
        }
        SlowBody body = new SlowBody(Duration.ofMillis(100));
        CompletableFuture<HttpResponse<String>> imported = importSlowly(http, body);
        assertTrue(body.started.await(30, TimeUnit.SECONDS), "the import did not start");

        service.terminate(Duration.ofSeconds(60));
        HttpResponse<String> answer = imported.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), "the import in flight when SIGTERM came: " + answer.body());
        assertEquals(SLOW_LINES, FeedParsers.jsonTree(answer.body()).get("created").getIntValue(), answer.body());
        assertQuietStop();

        Http again = service.start();
        JsonNode keys = FeedParsers.jsonTree(again.getAsAdmin("/api/partners").body());
        assertEquals(FETCHES, keys.get(0).get("requestCount").getLongValue(), "every use counted before SIGTERM is kept");
        String slow = again.getAsAdmin("/api/articles?category=slow&size=1").body();
        assertTrue(slow.contains("\"total\":" + SLOW_LINES), "every article of the import in flight is stored: " + slow);
        service.terminate(Duration.ofSeconds(60));
        assertQuietStop();
    }
}
