package io.broadsheet.feed.http;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code broadsheet.fast-path=false}: every poll goes through Micronaut's route, and is answered as before. */
@MicronautTest(transactional = false)
class FeedFastPathOffTest extends HttpTest {

    @Inject
    FeedFastPath fast;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("FeedFastPathOffTest"));
        properties.put("broadsheet.fast-path", "false");
        return properties;
    }

    @Test
    void pollsAreAnsweredByTheRouteAlone() {
        assertEquals(201, http.post("/api/articles", json(article("off-1", "2026-05-01T08:00:00Z", "off"))).status());
        Http.Answer first = http.get("/feeds/off.atom");
        assertEquals(200, first.status());
        Http.Answer again = http.send(http.request("/feeds/off.atom").header("If-None-Match", first.header("ETag").orElseThrow()));
        assertEquals(304, again.status());
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(0, fast.answered());
    }
}
