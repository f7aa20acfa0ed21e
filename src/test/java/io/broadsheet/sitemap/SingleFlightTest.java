package io.broadsheet.sitemap;

import io.broadsheet.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Many requests for one sitemap that is being rendered wait for that render instead of rendering it again. */
class SingleFlightTest {

    private static final Sitemaps.Document DOCUMENT = new Sitemaps.Document(new byte[]{1}, 1, "\"a\"", "\"a-gzip\"",
            Instant.EPOCH, null);

    @Test
    void requestsArrivingDuringARenderShareItsDocument() throws Exception {
        SingleFlight flights = new SingleFlight();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rendered = new AtomicInteger();
        AtomicInteger joined = new AtomicInteger();
        CompletableFuture<Sitemaps.Document> first = CompletableFuture.supplyAsync(() -> flights.run("p", 0, t -> true,
                () -> {
                    rendered.incrementAndGet();
                    await(release);
                    return DOCUMENT;
                }));
        Eventually.until("the first render started", () -> rendered.get() == 1);
        List<CompletableFuture<Sitemaps.Document>> later = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            later.add(CompletableFuture.supplyAsync(() -> flights.run("p", 0, t -> {
                joined.incrementAndGet();
                return true;
            }, () -> {
                rendered.incrementAndGet();
                return DOCUMENT;
            })));
        }
        Eventually.until("all 16 later requests found the render in progress", () -> joined.get() == 16);
        release.countDown();
        assertSame(DOCUMENT, first.get());
        for (CompletableFuture<Sitemaps.Document> each : later) {
            assertSame(DOCUMENT, each.get(), "a later request gets the first render's document");
        }
        assertEquals(1, rendered.get(), "renders of one name for 17 requests at once");
        assertEquals(1, flights.renders(), "renders counted");
    }

    @Test
    void aFailedRenderIsNotKeptAndTheNextRequestRendersAgain() {
        SingleFlight flights = new SingleFlight();
        assertThrows(SitemapNotFoundException.class, () -> flights.run("p", 0, t -> true, () -> {
            throw new SitemapNotFoundException("p");
        }));
        assertSame(DOCUMENT, flights.run("p", 0, t -> true, () -> DOCUMENT), "the name is free again after a failure");
        assertEquals(2, flights.renders(), "both requests rendered");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
