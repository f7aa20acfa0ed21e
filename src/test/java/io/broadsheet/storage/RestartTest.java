package io.broadsheet.storage;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Articles live in the H2 file: a restarted service on the same file serves every one of them. */
@Tag("database")
class RestartTest {

    @Test
    void restartOnTheSameH2FileKeepsEveryArticle() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("RestartTest"));
        List<String> before;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(first.getURI());
            for (int i = 0; i < 12; i++) {
                assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("keep" + i,
                        "2022-03-" + (10 + i) + "T09:00:00Z", "world"))).status());
            }
            assertEquals(204, http.delete("/api/articles/keep3").status());
            before = FeedParsers.parse(FeedFormat.RSS, http.get("/feeds/world.rss").body()).ids();
        }
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(second.getURI());
            ParsedFeed after = FeedParsers.parse(FeedFormat.RSS, http.get("/feeds/world.rss").body());
            assertEquals(11, after.items().size());
            assertEquals(before, after.ids());
            assertEquals(List.of("keep11-img1-caption", "keep11-img2-caption"),
                    after.items().get(0).images().stream().map(ParsedFeed.Image::caption).toList());
            assertEquals(404, http.getAsAdmin("/api/articles/keep3").status());
        }
    }
}
