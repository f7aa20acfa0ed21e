package io.broadsheet.article;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new installation shows the AFP Kosovo story, with its photo, caption and credit, in the world feed. */
@MicronautTest(transactional = false)
class SampleDataTest extends HttpTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("broadsheet.sample-data", "true");
        return properties;
    }

    @Test
    void emptyDatabaseGetsTheSampleBeginningWithTheKosovoStory() {
        ParsedFeed world = FeedParsers.parse(FeedFormat.RSS, http.get("/feeds/world.rss").body());
        ParsedFeed.Item kosovo = world.items().stream()
                .filter(i -> i.title().equals("Kosovo Asks Biden To Support NATO Bid")).findFirst().orElseThrow();
        ParsedFeed.Image photo = kosovo.images().get(0);
        assertEquals("https://media.example.com/2022/03/kosovo-kurti-baerbock-pristina.jpg", photo.url());
        assertTrue(photo.caption().startsWith("Kosovo\u2019s Prime Minister Albin Kurti speaks"), photo.caption());
        assertEquals("Armend NIMANI / AFP", photo.credit());
        long total = FeedParsers.jsonTree(http.getAsAdmin("/api/articles?size=1").body()).get("total").getLongValue();
        assertEquals(40, total, "the whole sample");
    }
}
