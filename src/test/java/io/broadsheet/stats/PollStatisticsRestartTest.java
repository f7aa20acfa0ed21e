package io.broadsheet.stats;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Polls counted in memory are written when the service stops, and the figures are there after a restart. */
@Tag("database")
class PollStatisticsRestartTest {

    private static final String FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers; )";

    @Test
    void pollsSurviveARestart() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("PollStatisticsRestartTest"));
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(first.getURI());
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("restarted",
                    "2022-01-01T00:00:00Z", "restarted"))).status());
            for (int i = 0; i < 3; i++) {
                assertEquals(200, http.send(http.request("/feeds/restarted.rss").header("User-Agent", FEEDLY)).status());
            }
        } // stopped before any scheduled flush: the shutdown writes them
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(second.getURI());
            JsonNode feeds = FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds").body()).get("feeds");
            JsonNode restarted = null;
            for (JsonNode feed : feeds.values()) {
                if (feed.get("feed").getStringValue().equals("restarted")) {
                    restarted = feed;
                }
            }
            assertEquals(3, restarted.get("polls").getLongValue(), feeds.toString());
            assertEquals(12, restarted.get("subscribers").getLongValue());
        }
    }
}
