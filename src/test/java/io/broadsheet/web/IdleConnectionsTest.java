package io.broadsheet.web;

import io.broadsheet.feed.http.FeedFastPath;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.RawHttp;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.RawHttp.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A keep-alive connection that stays idle past {@code broadsheet.idle-timeout} is closed by the server, after its
 * polls were answered on the event loop and by Micronaut alike.
 */
@MicronautTest(transactional = false)
class IdleConnectionsTest extends HttpTest {

    @Inject
    FeedFastPath fast;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("IdleConnectionsTest"));
        properties.put("broadsheet.idle-timeout", "2s");
        return properties;
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheTimeout() throws IOException {
        assertEquals(201, http.post("/api/articles", json(article("idle-1", "2026-05-01T08:00:00Z", "idle"))).status());
        long before = fast.answered();
        try (RawHttp connection = new RawHttp(server.getURI())) {
            connection.send(request("GET", "/feeds/idle.rss"));
            assertEquals(200, connection.read(false).status(), "rendered through Micronaut");
            connection.send(request("GET", "/feeds/idle.rss"));
            assertEquals(200, connection.read(false).status(), "answered from the cache");
            assertEquals(before + 1, fast.answered());
            connection.timeout(30_000);
            assertTrue(connection.closedByServer(), "closed once idle for the timeout");
        }
    }
}
