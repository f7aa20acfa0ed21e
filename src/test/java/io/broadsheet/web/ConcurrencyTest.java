package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writers racing each other and readers: no update lost silently, no half-written article ever shown. */
@MicronautTest(transactional = false)
class ConcurrencyTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final int RACERS = 8;

    private List<Integer> race(Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses.stream().sorted().toList();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentPutsWithOneIfMatchGiveOneWinnerAndStale412s() throws Exception {
        String etag = http.post("/api/articles", json(article("contested", WHEN, "races"))).header("ETag").orElseThrow();
        AtomicInteger n = new AtomicInteger();
        List<Integer> statuses = race(() -> http.put("/api/articles/contested",
                json(with(article("contested", WHEN, "races"), "title", "writer-" + n.incrementAndGet())), etag).status());
        List<Integer> expected = new ArrayList<>(List.of(200));
        for (int i = 1; i < RACERS; i++) {
            expected.add(412);
        }
        assertEquals(expected, statuses);
        assertEquals(1, FeedParsers.jsonTree(http.getAsAdmin("/api/articles/contested").body()).get("version").getIntValue());
    }

    @Test
    void concurrentCreatesOfOneSlugGiveOne201AndTheRest409() throws Exception {
        List<Integer> statuses = race(() -> http.post("/api/articles", json(article("first-wins", WHEN, "races"))).status());
        List<Integer> expected = new ArrayList<>(List.of(201));
        for (int i = 1; i < RACERS; i++) {
            expected.add(409);
        }
        assertEquals(expected, statuses);
    }

    @Test
    void concurrentCreatesInOneNewCategoryAllSucceed() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<Integer> statuses = race(() -> http.post("/api/articles",
                json(article("newcat-" + n.incrementAndGet(), WHEN, "brand-new-category"))).status());
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
    }

    @Test
    void importsRunningAlongsideFeedReadsNeverShowAHalfWrittenArticle() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            running.add(readers.submit(() -> {
                while (!done.get()) {
                    for (FeedFormat format : FeedFormat.values()) {
                        Http.Answer answer = http.get("/feeds/consistent." + format.extension());
                        if (answer.status() == 404) {
                            continue;
                        }
                        if (answer.status() == 503) {
                            // renders are bounded (RenderSlots): on a busy machine a reader may be asked to come back
                            if (answer.header("Retry-After").isEmpty()) {
                                problems.add(format + " answered 503 without Retry-After");
                            }
                            continue;
                        }
                        if (answer.status() != 200) {
                            problems.add(format + " answered " + answer.status() + ": " + answer.body());
                            continue;
                        }
                        for (ParsedFeed.Item item : FeedParsers.parse(format, answer.body()).items()) {
                            String version = item.title().substring(item.title().lastIndexOf('-') + 1);
                            for (ParsedFeed.Image image : item.images()) {
                                if (!image.caption().endsWith("-" + version)) {
                                    problems.add(format + " " + item.title() + " with caption " + image.caption());
                                }
                            }
                            if (item.contentHtml() != null && !item.contentHtml().contains("body-" + version + "<")) {
                                problems.add(format + " " + item.title() + " with body " + item.contentHtml());
                            }
                        }
                        reads.incrementAndGet();
                    }
                }
            }));
        }
        try {
            // at least 15 versions, and on until the readers have read enough for the check to mean something:
            // on a busy machine 15 imports can end before the readers' threads run (bounded, the assertion below fails)
            for (int v = 1; v <= 15 || (reads.get() <= 10 && v <= 1000); v++) {
                StringBuilder ndjson = new StringBuilder();
                for (int a = 0; a < 10; a++) {
                    String key = "consistent" + a;
                    List<Map<String, Object>> images = new ArrayList<>();
                    for (int i = 1; i <= 1 + (v + a) % 3; i++) {
                        images.add(with(Fixtures.image(key, i), "caption", key + "-img" + i + "-" + v));
                    }
                    ndjson.append(json(with(article(key, WHEN, "consistent"), "title", key + "-" + v,
                            "body", "<p>body-" + v + "</p>", "images", images))).append('\n');
                }
                Http.Answer imported = http.importLines(ndjson.toString());
                assertEquals(200, imported.status(), imported.body());
            }
        } finally {
            done.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            readers.shutdown();
        }
        assertTrue(reads.get() > 10, "readers read " + reads.get() + " times");
        assertEquals(List.of(), problems);
    }
}
