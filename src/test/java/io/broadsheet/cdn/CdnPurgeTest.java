package io.broadsheet.cdn;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestReceiver;
import io.broadsheet.notify.RetryingPoster;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The purge webhook of feeds-config hears the keys of the feeds each change altered, retried until accepted. */
@MicronautTest(transactional = false)
class CdnPurgeTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final String TOKEN = "Bearer purge-token-s3cret";
    private final TestReceiver cdn = new TestReceiver();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RetryingPoster.class);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("CdnPurgeTest"));
        properties.put("broadsheet.config-dir", configWithPurgeWebhook().toString());
        properties.put("broadsheet.cdn.delay", "200ms");
        properties.put("broadsheet.cdn.first-retry", "100ms");
        return properties;
    }

    /** The test suite's feeds-config with {@code cdn.purge} aimed at the stub. */
    private Path configWithPurgeWebhook() {
        try {
            Path dir = Files.createDirectories(Path.of("target/test-data/CdnPurgeTest-config-" + UUID.randomUUID()));
            String yaml = Files.readString(Path.of("src/test/resources/test-feeds-config/broadsheet.yml")) + """

                    cdn:
                      purge:
                        url: %s
                        headers: {Authorization: "%s"}
                    """.formatted(cdn.url(), TOKEN);
            Files.writeString(dir.resolve("broadsheet.yml"), yaml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterAll
    void stop() {
        logger.detachAppender(log);
        cdn.close();
    }

    @BeforeEach
    void quiet() throws InterruptedException {
        cdn.awaitQuiet(0, 0);
        cdn.clear();
    }

    @Test
    void aWriteToACategoryPurgesTheKeysOfExactlyTheFeedsItAltered() throws InterruptedException {
        http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("purge1", WHEN, "europe"),
                "tags", List.of("Kosovo"))));
        List<TestReceiver.Request> purges = cdn.awaitQuiet(1);
        assertEquals(List.of(List.of("feed:all", "feed:europe", "feed:europe-politics", "feed:tagged-kosovo", "feed:teasers")),
                keys(purges), "all, the category's feed and the named feeds that select the article, once");
        assertEquals(TOKEN, purges.get(0).authorization());
        assertEquals("application/json", purges.get(0).contentType());
    }

    @Test
    void partnerFeedsAreNeverPurged() throws InterruptedException {
        http.post("/api/articles", Fixtures.json(Fixtures.article("purge2", WHEN, "sports")));
        assertEquals(List.of(List.of("feed:all", "feed:sports", "feed:teasers")), keys(cdn.awaitQuiet(1)),
                "partner-sports also holds the article, but no CDN keeps a copy of it");
    }

    @Test
    void aPurgeAnswered500IsRetriedUntilAcceptedAndItsTokenNeverLogged() throws InterruptedException {
        cdn.refuseNext(1, 500);
        http.post("/api/articles", Fixtures.json(Fixtures.article("purge3", WHEN, "retried")));
        assertEquals(List.of(List.of("feed:all", "feed:retried", "feed:teasers")), keys(cdn.awaitQuiet(1)));
        assertEquals(1, cdn.refused());
        List<String> lines = List.copyOf(log.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CDN purge: " + cdn.url() + " refused purge of [")
                && l.endsWith("(status 500); attempt 1 of 6, retrying in 100 ms")), "log: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CDN purge: " + cdn.url() + " accepted purge of [")), "log: " + lines);
        lines.forEach(line -> assertFalse(line.contains("s3cret"), "token in: " + line));
    }

    @Test
    void renamingACategoryPurgesEveryFeedByOneKey() throws InterruptedException {
        http.post("/api/articles", Fixtures.json(Fixtures.article("purge4", WHEN, "renamed")));
        cdn.awaitQuiet(1);
        cdn.clear();
        assertEquals(200, http.put("/api/categories/renamed", Fixtures.json(Map.of("name", "Renamed desk")), null).status());
        assertEquals(List.of(List.of("feeds")), keys(cdn.awaitQuiet(1)));
    }

    @Test
    void anEmbargoLiftingPurgesTheFeedsItReleasesInto() throws InterruptedException {
        String at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
        http.post("/api/articles", Fixtures.json(Fixtures.article("purge5", at, "released")));
        assertEquals(List.of(), cdn.awaitQuiet(1, 1_000), "nothing a CDN holds changed before the embargo lifts");
        assertEquals(List.of(List.of("feed:all", "feed:released", "feed:teasers")), keys(cdn.awaitQuiet(1)));
    }

    /** Each purge's keys, sorted. */
    private static List<List<String>> keys(List<TestReceiver.Request> purges) {
        List<List<String>> out = new ArrayList<>();
        for (TestReceiver.Request purge : purges) {
            JsonNode root = jsonTree(purge.body());
            assertEquals(1, root.size(), "one member, keys: " + purge.body());
            List<String> keys = new ArrayList<>();
            root.get("keys").values().forEach(k -> keys.add(k.getStringValue()));
            out.add(keys.stream().sorted().toList());
        }
        return out;
    }
}
