package io.broadsheet.cluster;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ServiceProcess;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestHub;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two jars on one PostgreSQL, as behind a load balancer: a write answered by either is served by the other at
 * once, byte for byte with the same validators; deltas are right whichever instance a client reaches; the hub hears
 * of each change once; partner keys and their counters are shared.
 */
class TwoInstancesIT {

    /** Writes timed from one instance's answer until the other serves them; more with -Dpropagation.writes. */
    private static final int WRITES = Integer.getInteger("propagation.writes", 60);

    @TempDir
    static Path work;

    private static TestHub hub;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static int written;
    private static Map<String, String> database;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        hub = new TestHub(0);
        Map<String, String> env = new HashMap<>();
        database = TestDatabase.freshPostgres("two_instances");
        env.put("DATASOURCES_DEFAULT_URL", database.get("datasources.default.url"));
        env.put("DATASOURCES_DEFAULT_USERNAME", database.get("datasources.default.username"));
        env.put("DATASOURCES_DEFAULT_PASSWORD", database.get("datasources.default.password"));
        env.put("BROADSHEET_WEBSUB_HUBS", hub.url());
        env.put("BROADSHEET_WEBSUB_DELAY", "100ms");
        a = new ServiceProcess(work.resolve("a"), env);
        a.start();
        b = new ServiceProcess(work.resolve("b"), env);
        b.start();
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess instance : new ServiceProcess[]{a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aWriteThroughEitherInstanceIsServedByTheOtherAtOnceWithTheSameBytesAndValidators() throws Exception {
        write(a, "warm-up", "world");
        for (String path : new String[]{"/feeds/world.rss", "/feeds/world.json", "/feeds/all.atom"}) {
            a.http().get(path);
            b.http().get(path); // both hold the feed in their caches now
        }
        List<Long> other = new ArrayList<>();
        List<Long> same = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            ServiceProcess writer = i % 2 == 0 ? a : b;
            ServiceProcess reader = i % 4 < 2 ? (writer == a ? b : a) : writer;
            String slug = write(writer, "propagated-" + i, "world");
            long answered = System.nanoTime();
            awaitServed(reader, "/feeds/world.json", body -> body.contains(slug));
            (reader == writer ? same : other).add((System.nanoTime() - answered) / 1_000);
        }
        // the writer's own figure is the cost of rendering the changed feed; the difference is the notice's trip
        String figures = "served by the other instance after " + percentiles(other)
                + "; by the writing instance itself after " + percentiles(same);
        System.out.println(figures);
        Files.writeString(Path.of("target", "propagation.txt"), figures + System.lineSeparator());
        assertTrue(other.stream().allMatch(t -> t < 1_000_000), figures + ": every write is served by the other instance within 1 s");

        // Last-Modified is sent once the second of the last change is over (a version could still follow within it)
        Thread.sleep(1_100);
        for (String path : new String[]{"/feeds/world.rss", "/feeds/world.json", "/feeds/all.atom", "/feeds/world.rss?page=2"}) {
            Http.Answer fromA = a.http().get(path);
            Http.Answer fromB = b.http().get(path);
            assertEquals(200, fromA.status(), path);
            assertArrayEquals(fromA.bytes(), fromB.bytes(), path + ": the same document from both instances");
            assertEquals(fromA.header("ETag"), fromB.header("ETag"), path);
            assertEquals(fromA.header("Last-Modified"), fromB.header("Last-Modified"), path);
            Http.Answer gzipA = a.http().send(a.http().request(path).header("Accept-Encoding", "gzip"));
            Http.Answer gzipB = b.http().send(b.http().request(path).header("Accept-Encoding", "gzip"));
            assertEquals(gzipA.header("ETag"), gzipB.header("ETag"), path + " gzip");
            assertEquals(304, b.http().send(b.http().request(path).header("If-None-Match", fromA.header("ETag").orElseThrow())).status(),
                    path + ": a validator from one instance is current on the other");
        }
    }

    @Test
    void anInstanceWhoseListeningConnectionDroppedServesNoStaleFeed() throws Exception {
        write(a, "before-the-drop", "politics");
        b.http().get("/feeds/politics.rss");
        String url = database.get("datasources.default.url");
        try (Connection admin = TestDatabase.connect(url); Statement statement = admin.createStatement()) {
            // the listening connections die, as in a network cut or a database restart
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'broadsheet-listener'");
        }
        String slug = write(a, "during-the-drop", "politics");
        awaitServed(b, "/feeds/politics.rss", body -> body.contains(slug));
        Eventually.until("the listener came back", () -> {
            try {
                return b.output().contains("Change listener: listening again");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String after = write(a, "after-the-drop", "politics");
        awaitServed(b, "/feeds/politics.rss", body -> body.contains(after));
    }

    @Test
    void aDeltaIsRightWhicheverInstanceTheClientReaches() {
        write(a, "delta-base", "europe");
        Http.Answer base = a.http().get("/feeds/europe.json");
        String etag = base.header("ETag").orElseThrow();
        String slug = write(a, "delta-new", "europe");
        awaitServed(b, "/feeds/europe.json", body -> body.contains(slug));

        Http.Answer delta = b.http().send(b.http().request("/feeds/europe.json").header("A-IM", "feed").header("If-None-Match", etag));
        assertEquals(226, delta.status(), "a version A served is a known base on B: " + delta.body());
        List<String> titles = FeedParsers.parse(FeedFormat.JSON, delta.body()).items().stream().map(i -> i.title()).toList();
        assertEquals(1, titles.size(), "only the item written since: " + titles);

        Http.Answer unknown = b.http().send(b.http().request("/feeds/europe.json").header("A-IM", "feed")
                .header("If-None-Match", "\"never-served-anywhere\""));
        assertEquals(200, unknown.status(), "an unknown base is answered in full");
    }

    @Test
    void theHubHearsOfEachChangeOnceNotOncePerInstance() throws Exception {
        write(a, "settle", "science");
        hub.awaitQuiet(Integer.MAX_VALUE, 1_500);
        hub.clear();
        write(b, "pinged-once", "science");
        List<String> pings = hub.awaitQuiet(6);
        for (String feed : new String[]{"science", "all"}) {
            for (FeedFormat format : FeedFormat.values()) {
                String url = "/feeds/" + feed + "." + format.extension();
                assertEquals(1, pings.stream().filter(p -> p.contains(url + " ")).count(), url + " in " + pings);
            }
        }

        // an embargo lifts on both instances' clocks; one of them announces it
        Instant release = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        String slug = "embargoed-once";
        assertEquals(201, a.http().post("/api/articles", Fixtures.json(Fixtures.article(slug, release.toString(), "culture"))).status());
        assertEquals(404, b.http().get("/feeds/culture.rss").status(), "nothing of it shows before its time");
        hub.awaitQuiet(Integer.MAX_VALUE, 1_500);
        hub.clear();
        Thread.sleep(Math.max(0, release.toEpochMilli() - System.currentTimeMillis()));
        awaitServed(b, "/feeds/culture.json", body -> body.contains(slug));
        List<String> released = hub.awaitQuiet(3);
        for (FeedFormat format : FeedFormat.values()) {
            String url = "/feeds/culture." + format.extension();
            assertEquals(1, released.stream().filter(p -> p.contains(url + " ")).count(), url + " in " + released);
        }

        // a usage window ends on both instances' timers; one of them withdraws the article, once
        Instant expiry = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(6);
        assertEquals(201, b.http().post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("expires-once",
                "2022-01-01T00:00:00Z", "travel"), "expiresAt", expiry.toString()))).status());
        hub.awaitQuiet(Integer.MAX_VALUE, 1_500);
        hub.clear();
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()));
        for (ServiceProcess instance : List.of(a, b)) {
            awaitServed(instance, "/feeds/travel.json", body -> body.contains("\"_withdrawn\""));
        }
        List<String> expired = hub.awaitQuiet(3);
        for (FeedFormat format : FeedFormat.values()) {
            String url = "/feeds/travel." + format.extension();
            assertEquals(1, expired.stream().filter(p -> p.contains(url + " ")).count(), url + " in " + expired);
        }
        String view = a.http().getAsAdmin("/api/articles/expires-once").body();
        assertTrue(view.contains("\"version\":1"), "withdrawn once, not once per instance: " + view);
    }

    @Test
    void pollStatisticsAddUpAcrossInstances() {
        write(a, "statistics", "statistics");
        String feedly = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 30 subscribers; )";
        String reader = "NetNewsWire (RSS Reader; https://netnewswire.com/)";
        for (ServiceProcess instance : List.of(a, b, a)) {
            assertEquals(200, instance.http().send(instance.http().request("/feeds/statistics.rss")
                    .header("User-Agent", feedly)).status());
        }
        for (ServiceProcess instance : List.of(a, b)) { // one reader behind a proxy, reaching both: one poller
            assertEquals(200, instance.http().send(instance.http().request("/feeds/statistics.rss")
                    .header("User-Agent", reader).header("X-Forwarded-For", "192.0.2.44")).status());
        }
        b.http().getAsAdmin("/api/stats/feeds"); // b writes what it counted
        JsonNode feeds = FeedParsers.jsonTree(a.http().getAsAdmin("/api/stats/feeds").body()).get("feeds");
        JsonNode statistics = null;
        for (JsonNode feed : feeds.values()) {
            if (feed.get("feed").getStringValue().equals("statistics")) {
                statistics = feed;
            }
        }
        assertEquals(5, statistics.get("polls").getLongValue(), feeds.toString());
        assertEquals(31, statistics.get("subscribers").getLongValue(), "Feedly's 30 and one other poller: " + statistics);
    }

    @Test
    void partnerKeysAndTheirCountersAreShared() throws Exception {
        write(a, "for-partners", "world");
        Http.Answer created = a.http().post("/api/partners", Fixtures.json(Map.of("name", "Shared", "feeds", List.of("partner-wire"))));
        assertEquals(201, created.status(), created.body());
        JsonNode key = FeedParsers.jsonTree(created.body());
        String secret = key.get("key").getStringValue();
        awaitServed(b, "/feeds/partner-wire.rss?key=" + secret, body -> true);
        int total = 1;
        for (int i = 0; i < 4; i++) {
            assertEquals(200, a.http().get("/feeds/partner-wire.rss?key=" + secret).status());
            assertEquals(200, b.http().get("/feeds/partner-wire.json?key=" + secret).status());
            total += 2;
        }
        long id = key.get("id").getLongValue();
        long sum = total;
        // each instance writes its counts every 5 s
        Eventually.equals(sum, () -> requestCount(b, id), "uses on both instances add up");

        assertEquals(204, b.http().delete("/api/partners/" + id).status());
        awaitServed(a, "/feeds/partner-wire.rss?key=" + secret, 404);
    }

    private static String percentiles(List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d writes)", sorted[sorted.length / 2] / 1000.0,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0, sorted[sorted.length - 1] / 1000.0, sorted.length);
    }

    private static long requestCount(ServiceProcess instance, long id) {
        for (JsonNode listed : FeedParsers.jsonTree(instance.http().getAsAdmin("/api/partners").body()).values()) {
            if (listed.get("id").getLongValue() == id) {
                return listed.get("requestCount").getLongValue();
            }
        }
        throw new AssertionError("key " + id + " is not listed");
    }

    private static String write(ServiceProcess instance, String slug, String category) {
        Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(++written);
        Http.Answer answer = instance.http().post("/api/articles",
                Fixtures.json(Fixtures.article(slug, published.toString(), category)));
        assertEquals(201, answer.status(), answer.body());
        return slug;
    }

    private static void awaitServed(ServiceProcess instance, String path, Predicate<String> served) {
        long deadline = System.nanoTime() + Eventually.PATIENCE.toNanos();
        Http.Answer answer = null;
        while (System.nanoTime() < deadline) {
            answer = instance.http().get(path);
            if (answer.status() == 200 && served.test(answer.body())) {
                return;
            }
        }
        throw new AssertionError(path + " was not served as expected within " + Eventually.PATIENCE.toSeconds()
                + " s: " + answer);
    }

    private static void awaitServed(ServiceProcess instance, String path, int status) {
        long deadline = System.nanoTime() + Eventually.PATIENCE.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            last = instance.http().get(path).status();
            if (last == status) {
                return;
            }
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", for "
                + Eventually.PATIENCE.toSeconds() + " s");
    }
}
