package io.broadsheet.stats;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without trusted proxies, X-Forwarded-For names no poller: one client sending 3,000 of them is one poller. */
@MicronautTest(transactional = false)
class UntrustedForwardedForTest extends HttpTest {

    private static final int FORWARDED = 3_000;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.trusted-proxies", "");
        properties.put("broadsheet.rate-limit.requests-per-second", "0"); // 3,000 polls from one client at once
        return properties;
    }

    @Test
    void threeThousandForwardedForValuesFromOneUntrustedClientAreOnePoller() {
        assertEquals(201, http.post("/api/articles", json(article("forwarded", "2026-03-09T08:00:00Z", "forwarded"))).status());
        http.getAsAdmin("/api/stats/feeds"); // the day's salt is at hand before the first poll
        for (int i = 0; i < FORWARDED; i++) {
            String forwarded = "198.51." + (i / 250) + "." + (i % 250);
            assertEquals(200, http.send(http.request("/feeds/forwarded.rss").header("User-Agent", "newsboat/2.30")
                    .header("X-Forwarded-For", forwarded)).status());
        }
        JsonNode report = FeedParsers.jsonTree(http.getAsAdmin("/api/stats/feeds").body());
        JsonNode feed = report.get("feeds").get(0);
        assertEquals(FORWARDED, feed.get("polls").getLongValue(), report.toString());
        assertEquals(1, feed.get("subscribers").getLongValue(),
                "expected one poller for one client whatever its X-Forwarded-For says: " + feed);
    }
}
