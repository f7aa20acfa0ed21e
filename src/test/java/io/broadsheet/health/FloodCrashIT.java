package io.broadsheet.health;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ServiceProcess;
import io.broadsheet.feed.FeedFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar under a flood of polls with made-up User-Agents and addresses, ended the hard way (kill -9; the heap
 * exhausted): it stops, and the next start on the same data folder serves every article it had.
 */
class FloodCrashIT {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final int ARTICLES = 30;
    private static final int FLOODERS = 6;
    private static final int HEAVY_WRITERS = 6;
    private static final String SMALL_HEAP = "96m";
    /** Elements of markup in each heavy writer's article body (8 characters each: within the 1 MiB a body may have). */
    private static final int MARKUP_ELEMENTS = 100_000;

    @TempDir
    Path dir;

    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** Polls from a few threads, every poll a User-Agent and an X-Forwarded-For never sent before, until closed. */
    private static final class Flood implements AutoCloseable {

        final AtomicInteger answered = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ExecutorService threads = Executors.newFixedThreadPool(FLOODERS);
        private final List<Future<?>> running = new ArrayList<>();

        Flood(Http http, String path) {
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < FLOODERS; t++) {
                running.add(threads.submit(() -> {
                    while (!stop.get()) {
                        int n = next.incrementAndGet();
                        try {
                            if (http.send(http.request(path).header("User-Agent", "Flood" + n + "/1.0 (" + n + " subscribers)")
                                    .header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255)))
                                    .status() == 200) {
                                answered.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            return; // the connection died with the process
                        }
                    }
                }));
            }
        }

        void awaitAnswers(int n, Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (answered.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws Exception {
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdownNow();
        }
    }

    private Http startWithArticles(List<String> jvmOptions) throws IOException, InterruptedException {
        service = new ServiceProcess(dir, Map.of(), jvmOptions);
        Http http = service.start();
        for (int i = 0; i < ARTICLES; i++) {
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("kept" + i, WHEN, "world"))).status());
        }
        return http;
    }

    private void assertEveryArticleServed(Http again) {
        assertTrue(again.getAsAdmin("/api/articles?category=world&size=1").body().contains("\"total\":" + ARTICLES),
                "expected all " + ARTICLES + " articles after the restart");
        for (FeedFormat format : FeedFormat.values()) {
            var answer = again.get("/feeds/world." + format.extension());
            assertEquals(200, answer.status(), format + ": " + answer);
            assertEquals(Math.min(ARTICLES, FeedParsers.parse(format, answer.body()).items().size()),
                    FeedParsers.parse(format, answer.body()).items().size(), format + " parses");
            assertTrue(FeedParsers.parse(format, answer.body()).items().size() > 0, format + " serves the articles");
        }
        assertEquals(200, again.getAsAdmin("/api/stats/feeds").status(), "the statistics are readable");
    }

    @Test
    void killMinusNineInTheMiddleOfAPollFloodLeavesADatabaseThatServesEveryArticle() throws Exception {
        Http http = startWithArticles(List.of("-Xmx256m"));
        try (Flood flood = new Flood(http, "/feeds/world.rss")) {
            flood.awaitAnswers(3_000, Duration.ofSeconds(120));
            assertTrue(flood.answered.get() > 100, "only " + flood.answered.get() + " polls were answered before the kill");
            service.kill();
        }
        assertEveryArticleServed(service.start());
    }

    @Test
    void anExhaustedHeapEndsTheProcessAndTheDatabaseOpensAgain() throws Exception {
        Http http = startWithArticles(List.of("-Xmx" + SMALL_HEAP));
        // articles of a million characters of markup, each a DOM of 100,000 elements while it is sanitised, from
        // several writers at once, beside the flood: more than the small heap holds
        String body = "<b>x</b>".repeat(MARKUP_ELEMENTS);
        OptionalInt status;
        try (Flood flood = new Flood(http, "/feeds/world.rss")) {
            ExecutorService writers = Executors.newFixedThreadPool(HEAVY_WRITERS);
            for (int w = 0; w < HEAVY_WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            http.post("/api/articles", Fixtures.json(Fixtures.with(
                                    Fixtures.article("heavy" + writer + "-" + i, WHEN, "heavy"), "body", body)));
                        } catch (RuntimeException e) {
                            return; // the process is gone
                        }
                    }
                });
            }
            status = service.awaitExit(Duration.ofSeconds(180));
            writers.shutdownNow();
        }
        assertEquals(OptionalInt.of(3), status,
                "expected the JVM to exit with status 3 (-XX:+ExitOnOutOfMemoryError) on its exhausted heap; see "
                        + service.logFile());
        service = new ServiceProcess(dir, Map.of(), List.of("-Xmx256m"));
        assertEveryArticleServed(service.start());
    }
}
