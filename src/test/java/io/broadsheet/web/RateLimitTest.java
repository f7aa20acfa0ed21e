package io.broadsheet.web;

import io.broadsheet.feed.http.FeedFastPath;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.RawHttp;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.limits.ClientRateLimiter;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.RawHttp.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each client address gets a token bucket for feeds and pages (here: a burst of 3, one request a second, at most
 * 40 addresses tracked), on Micronaut's route and on the event loop's fast path alike; the clock only moves when the
 * test moves it, so no refill happens behind the test's back.
 */
@MicronautTest(transactional = false)
class RateLimitTest extends HttpTest {

    private static final int BURST = 3;
    private static final int MAX_CLIENTS = 40;

    @Inject
    MutableClock clock;

    @Inject
    ClientRateLimiter limiter;

    @Inject
    FeedFastPath fast;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("RateLimitTest"));
        properties.put("broadsheet.test.mutable-clock", "true");
        properties.put("broadsheet.rate-limit.requests-per-second", "1");
        properties.put("broadsheet.rate-limit.burst", Integer.toString(BURST));
        properties.put("broadsheet.rate-limit.max-clients", Integer.toString(MAX_CLIENTS));
        return properties;
    }

    @BeforeAll
    void anArticle() {
        clock.set(Instant.parse("2026-05-02T10:00:00Z"));
        assertEquals(201, http.post("/api/articles", json(article("limited-1", "2026-05-01T08:00:00Z", "limited")))
                .status());
    }

    @Test
    void aClientOverItsBurstOnTheRouteGets429WithRetryAfterAndAProblemNamingTheWait() {
        String client = "198.51.100.1";
        for (int i = 0; i < BURST; i++) {
            assertEquals(200, get("/feeds/limited.rss?via=route", client).status(), "request " + (i + 1));
        }
        Http.Answer over = get("/feeds/limited.rss?via=route", client);
        assertEquals(429, over.status(), "the request past the burst: " + over);
        assertEquals("1", over.header("Retry-After").orElse(null), "Retry-After of " + over);
        assertEquals(Problem.MEDIA_TYPE, over.header("Content-Type").orElse(null));
        JsonNode problem = FeedParsers.jsonTree(over.body());
        assertEquals(429, problem.get("status").getIntValue());
        assertTrue(problem.get("detail").getStringValue().contains("try again in 1 s"), over.body());
        assertEquals(200, get("/feeds/limited.rss?via=route", "198.51.100.99").status(), "another client is served");
        clock.set(clock.instant().plusSeconds(1));
        assertEquals(200, get("/feeds/limited.rss?via=route", client).status(), "a second later: one more token");
        assertEquals(429, get("/feeds/limited.rss?via=route", client).status(), "and only one");
    }

    @Test
    void pagesAreLimitedTooAndABrowserGetsAPage() {
        String client = "198.51.100.2";
        for (int i = 0; i < BURST; i++) {
            assertEquals(200, get("/categories/limited", client).status(), "request " + (i + 1));
        }
        Http.Answer page = http.send(http.request("/").header("X-Forwarded-For", client).header("Accept", "text/html"));
        assertEquals(429, page.status());
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"), page.toString());
        assertEquals("1", page.header("Retry-After").orElse(null));
        assertEquals(429, get("/feeds.opml", client).status(), "OPML shares the bucket");
        assertEquals(429, get("/articles/limited-1", client).status(), "article pages share the bucket");
    }

    @Test
    void theFastPathAnswers429WithRetryAfterToAClientOverItsBurst() throws IOException {
        assertEquals(200, http.get("/feeds/limited.atom").status()); // rendered and cached
        long before = fast.answered();
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Answer last = null;
        try (RawHttp connection = new RawHttp(server.getURI())) {
            for (int i = 0; i <= BURST; i++) {
                last = connection.send(request("GET", "/feeds/limited.atom", "X-Forwarded-For: 203.0.113.7")).read(false);
                statuses.add(last.status());
            }
        }
        assertEquals(List.of(200, 200, 200, 429), statuses, "statuses of a cached feed's polls past the burst");
        assertEquals(BURST, fast.answered() - before, "the event loop served the polls within the burst");
        assertEquals("1", last.header("Retry-After").orElse(null));
        assertEquals(Problem.MEDIA_TYPE, last.header("Content-Type").orElse(null));
        assertEquals(429, FeedParsers.jsonTree(new String(last.body())).get("status").getIntValue());
    }

    @Test
    void aFloodOfInboxRequestsFromOneAddressIsAnswered429() {
        String client = "198.51.100.3";
        for (String path : List.of("/fediverse/inbox", "/fediverse/all/inbox")) {
            clock.set(clock.instant().plusSeconds(60)); // a full bucket for each inbox
            for (int i = 0; i < BURST; i++) {
                assertEquals(401, postInbox(path, client).status(), "unsigned request " + (i + 1) + " to " + path);
            }
            Http.Answer over = postInbox(path, client);
            assertEquals(429, over.status(), "the request past the burst to " + path + ": " + over);
            assertEquals("1", over.header("Retry-After").orElse(null), "Retry-After of " + over);
        }
    }

    private Http.Answer postInbox(String path, String client) {
        return http.send(http.request(path).header("X-Forwarded-For", client).header("Content-Type", "application/activity+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\": \"Follow\", \"actor\": \"https://x.example/u\"}")));
    }

    @Test
    void aTrustedProxysOwnRequestsAreNeverLimited() {
        for (int i = 0; i < BURST * 10; i++) {
            assertEquals(200, http.get("/feeds/limited.json").status(), "request " + (i + 1) + " from the proxy itself");
        }
    }

    @Test
    void aFloodOfAddressesKeepsTheMapWithinItsMaximumAndTheLimitedClientLimited() throws IOException {
        String limited = "192.0.2.200";
        assertEquals(200, http.get("/feeds/limited.rss").status());
        for (int i = 0; i < BURST; i++) {
            get("/feeds/limited.rss", limited);
        }
        assertEquals(429, get("/feeds/limited.rss", limited).status());
        try (RawHttp connection = new RawHttp(server.getURI())) {
            for (int i = 0; i < MAX_CLIENTS * 10; i++) {
                String address = "2001:db8::" + Integer.toHexString(i + 1);
                RawHttp.Answer answer = connection.send(request("GET", "/feeds/limited.rss",
                        "X-Forwarded-For: " + address)).read(false);
                assertEquals(200, answer.status(), "the first request of " + address);
                assertTrue(limiter.tracked() <= MAX_CLIENTS, "tracked " + limiter.tracked() + " after " + (i + 1));
            }
        }
        assertEquals(429, get("/feeds/limited.rss", limited).status(),
                "the emptiest bucket is the last to go: the flood did not free the limited client");
    }

    private Http.Answer get(String path, String client) {
        return http.send(http.request(path).header("X-Forwarded-For", client).timeout(Duration.ofSeconds(20)));
    }
}
