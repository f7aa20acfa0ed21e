package io.broadsheet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Durability: the jar runs as a child process on an H2 file; every write answered 2xx survives a
 * {@code kill -9} straight after the answer.
 */
class KillRecoveryIT {

    private static final String WHEN = "2022-03-17T09:42:00Z";

    @TempDir
    Path dataDir;

    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Http start(int port) throws IOException, InterruptedException {
        String jar = System.getProperty("broadsheet.jar", "target/broadsheet-0.1.0.jar");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + System.nanoTime() + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("BROADSHEET_PORT", Integer.toString(port));
        env.put("BROADSHEET_DATA_DIR", dataDir.resolve("data").toString());
        env.put("BROADSHEET_ADMIN_TOKEN", Http.ADMIN_TOKEN);
        env.put("BROADSHEET_SAMPLE_DATA", "false");
        env.put("BROADSHEET_CONFIG_DIR", "feeds-config");
        process = builder.start();
        Http http = new Http(URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the service died at start-up; see " + dataDir);
            try {
                if (http.get("/health").status() == 200) {
                    return http;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not start within 60 s");
    }

    private void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        process = null;
    }

    @Test
    void everyAnsweredWriteSurvivesKillMinusNineStraightAfterTheAnswer() throws Exception {
        int port = freePort();
        Http http = start(port);
        for (int i = 0; i < 20; i++) {
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("durable" + i, WHEN, "world"))).status());
        }
        assertEquals(200, http.put("/api/articles/durable3", Fixtures.json(
                Fixtures.with(Fixtures.article("durable3", WHEN, "world"), "title", "replaced")), null).status());
        assertEquals(204, http.delete("/api/articles/durable4").status());
        StringBuilder imported = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            imported.append(Fixtures.json(Fixtures.article("bulk" + i, WHEN, "bulk"))).append('\n');
        }
        assertEquals(200, http.importLines(imported.toString()).status());
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("last-before-kill", WHEN, "world"))).status());
        kill();

        Http again = start(port);
        for (int i = 0; i < 20; i++) {
            assertEquals(i == 4 ? 404 : 200, again.getAsAdmin("/api/articles/durable" + i).status(), "durable" + i);
        }
        assertTrue(again.getAsAdmin("/api/articles/durable3").body().contains("\"title\":\"replaced\""));
        assertEquals(200, again.getAsAdmin("/api/articles/last-before-kill").status());
        assertTrue(again.getAsAdmin("/api/articles?category=bulk&size=1").body().contains("\"total\":1200"),
                "every chunk of an answered import");
        ParsedFeed world = FeedParsers.parse(io.broadsheet.feed.FeedFormat.JSON, again.get("/feeds/world.json").body());
        assertEquals(20, world.items().size());
        world.items().forEach(item -> assertEquals(2, item.images().size(), item.title() + ": images and captions kept"));
    }

    @Test
    void writersKilledMidStreamLoseNothingTheyWereAnswered() throws Exception {
        int port = freePort();
        Http http = start(port);
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            running.add(writers.submit(() -> {
                while (!stop.get()) {
                    String slug = "stream" + next.incrementAndGet();
                    try {
                        if (http.post("/api/articles", Fixtures.json(Fixtures.article(slug, WHEN, "stream"))).status() == 201) {
                            answered.add(slug);
                        }
                    } catch (RuntimeException e) {
                        return; // the connection died with the process
                    }
                }
            }));
        }
        Thread.sleep(3_000);
        kill();
        stop.set(true);
        for (var f : running) {
            f.get();
        }
        writers.shutdown();
        assertTrue(answered.size() > 20, "only " + answered.size() + " writes were answered before the kill");

        Http again = start(port);
        List<String> lost = new ArrayList<>();
        for (String slug : answered) {
            if (again.getAsAdmin("/api/articles/" + slug).status() != 200) {
                lost.add(slug);
            }
        }
        assertEquals(List.of(), lost, "of " + answered.size() + " answered writes");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
