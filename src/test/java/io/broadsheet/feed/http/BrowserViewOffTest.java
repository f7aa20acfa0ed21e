package io.broadsheet.feed.http;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.broadsheet.feed.http.BrowserViewTest.CHROME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With {@code broadsheet.browser-view: false} (for a cache that ignores {@code Vary: Accept}) a browser gets exactly
 * what a feed reader gets, in every format: the feed itself, the same validators, and no {@code Accept} in
 * {@code Vary}.
 */
@MicronautTest(transactional = false)
class BrowserViewOffTest extends HttpTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("broadsheet.browser-view", "false");
        return properties;
    }

    @BeforeAll
    void publish() {
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("off-1", "2022-03-17T09:42:00Z",
                "world"))).status());
    }

    @Test
    void aBrowserGetsTheFeedAsAFeedReaderDoes() {
        for (FeedFormat format : FeedFormat.values()) {
            String path = "/feeds/world." + format.extension();
            Http.Answer browser = http.send(http.request(path).header("Accept", CHROME));
            Http.Answer reader = http.send(http.request(path).header("Accept", format.mediaType()));
            assertEquals(200, browser.status());
            assertEquals(format.contentType(), browser.header("Content-Type").orElseThrow(), path);
            assertEquals(reader.header("ETag"), browser.header("ETag"), path);
            assertEquals("Accept-Encoding", browser.header("Vary").orElseThrow(), path);
            assertArrayEquals(reader.bytes(), browser.bytes(), path);
            assertFalse(browser.body().contains("xml-stylesheet"), path);
        }
    }
}
