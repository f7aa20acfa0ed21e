package io.broadsheet.web;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.limits.RenderSlots;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One render at a time here, and one request waiting for it: the test takes the one slot itself, as a slow render
 * would, so every render the server would start must wait or be refused while health checks and cached polls are
 * answered as ever.
 */
@MicronautTest(transactional = false)
class RenderBoundTest extends HttpTest {

    @Inject
    RenderSlots slots;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("RenderBoundTest"));
        properties.put("broadsheet.renders.max-concurrent", "1");
        properties.put("broadsheet.renders.max-waiting", "1");
        properties.put("broadsheet.renders.wait", "30s");
        return properties;
    }

    @BeforeAll
    void articles() {
        assertEquals(201, http.post("/api/articles", json(article("bound-1", "2026-05-01T08:00:00Z", "bound")))
                .status());
        assertEquals(201, http.post("/api/articles", json(article("other-1", "2026-05-01T08:00:00Z", "other")))
                .status());
    }

    @Test
    void withEveryRenderSlotTakenRendersWaitOrAre503WhileHealthAndCachedPollsAnswer() throws Exception {
        assertEquals(200, http.get("/feeds/bound.rss").status()); // cached from now on
        slots.acquire().get(10, TimeUnit.SECONDS);
        CompletableFuture<HttpResponse<String>> waiting;
        try {
            waiting = java.net.http.HttpClient.newHttpClient().sendAsync(http.request("/feeds/other.json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            awaitWaiting(1);
            Http.Answer refused = http.get("/feeds/other.atom");
            assertEquals(503, refused.status(), "a render with the slot taken and the one waiting place used: " + refused);
            assertEquals("1", refused.header("Retry-After").orElse(null), "Retry-After of " + refused);
            assertEquals(Problem.MEDIA_TYPE, refused.header("Content-Type").orElse(null));
            assertEquals(503, FeedParsers.jsonTree(refused.body()).get("status").getIntValue());
            assertEquals(503, http.get("/categories/other").status(), "a page render is refused likewise");
            assertEquals(200, http.get("/health/readiness").status(), "readiness never waits for a render slot");
            assertEquals(200, http.get("/feeds/bound.rss").status(), "a cached poll (event loop)");
            assertEquals(200, http.get("/feeds/bound.rss?via=route").status(), "a cached poll (route)");
            assertTrue(!waiting.isDone(), "the waiting render is still waiting");
        } finally {
            slots.release();
        }
        HttpResponse<String> rendered = waiting.get(30, TimeUnit.SECONDS);
        assertEquals(200, rendered.statusCode(), "the waiting render got the slot once it was given back");
        assertEquals(1, FeedParsers.parse(io.broadsheet.feed.FeedFormat.JSON, rendered.body()).items().size());
        assertEquals(200, http.get("/categories/other").status(), "pages render again");
    }

    @Test
    void aRenderThatWaitsLongerThanTheWaitIsRefused() throws Exception {
        RenderSlots quick = new RenderSlots(new io.broadsheet.limits.RenderSettings(1, 1, java.time.Duration.ofMillis(1)));
        quick.acquire().get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> late = quick.acquire();
        Throwable failure = late.handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
        assertTrue(failure instanceof io.broadsheet.limits.RenderersBusyException, "the wait ended in " + failure);
        quick.release();
        assertEquals(0, quick.taken(), "the slot is free again, not handed to the request that gave up");
    }

    /** Polls, bounded, until {@code n} requests wait for a slot. */
    private void awaitWaiting(int n) {
        Eventually.equals(n, slots::waiting, "requests waiting for a render slot");
    }
}
