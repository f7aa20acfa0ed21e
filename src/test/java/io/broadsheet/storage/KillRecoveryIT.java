package io.broadsheet.storage;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.testing.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** Starts the jar on the test's data folder (the same one each time): port and data survive a kill. */
    private Http start() throws IOException, InterruptedException {
        if (service == null) {
            service = new ServiceProcess(dataDir, Map.of());
        }
        return service.start();
    }

    private void kill() throws InterruptedException {
        service.kill(); // SIGKILL: no shutdown hook, no flush
    }

    @Test
    void everyAnsweredWriteSurvivesKillMinusNineStraightAfterTheAnswer() throws Exception {
        Http http = start();
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

        Http again = start();
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
        Http http = start();
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
        // kill once a good number of writes were answered, however busy the machine is
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (answered.size() < 40 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        kill();
        stop.set(true);
        for (var f : running) {
            f.get();
        }
        writers.shutdown();
        assertTrue(answered.size() > 20, "only " + answered.size() + " writes were answered before the kill");

        Http again = start();
        List<String> lost = new ArrayList<>();
        for (String slug : answered) {
            if (again.getAsAdmin("/api/articles/" + slug).status() != 200) {
                lost.add(slug);
            }
        }
        assertEquals(List.of(), lost, "of " + answered.size() + " answered writes");
    }
}
