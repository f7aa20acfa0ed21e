package io.broadsheet.newsroom;

import io.broadsheet.fediverse.Actors;
import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FediverseRows;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.RecordingInbox;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The dashboard's Fediverse panel: each followed feed with its handle and follower count, its queue, and the
 * deliveries that failed, as an inbox that refuses them leaves them.
 */
@MicronautTest(transactional = false)
class NewsroomFediverseTest extends HttpTest {

    private final RecordingInbox inbox = new RecordingInbox();

    @Inject
    ApplicationContext context;
    @Inject
    Actors actors;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        return properties;
    }

    @AfterAll
    void stopInbox() {
        inbox.close();
    }

    @Test
    void thePanelShowsFollowedFeedsAndTheDeliveriesThatFailed() {
        inbox.answer(new RecordingInbox.Answer(403, null));
        Instant followed = Instant.now().minus(1, ChronoUnit.HOURS);
        FediverseRows.addFollower(context, "panel", "https://one.example/users/a", inbox.url("/a/inbox"), followed);
        FediverseRows.addFollower(context, "panel", "https://one.example/users/b", inbox.url("/a/inbox"), followed);
        FediverseRows.addFollower(context, "panel", "https://two.example/users/c", inbox.url("/c/inbox"), followed);
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("np-1", Instant.now()
                .minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString(), "panel"))).status());
        Eventually.equals(0L, () -> FediverseRows.queued(context), "deliveries queued");

        NewsroomBrowser browser = new NewsroomBrowser(http, server.getURI());
        Document page = NewsroomBrowser.html5(browser.get("/newsroom", browser.signIn()).body());

        Element row = page.selectFirst("#fediverse-feeds tr[data-feed=panel]");
        assertNotNull(row, "a row for the followed feed in " + page.select("#fediverse").outerHtml());
        assertEquals(List.of("panel", actors.handle("panel"), "3", "0", "0"),
                row.select("th, td").eachText(), "feed, handle, followers, queued, due (no oldest due: the queue is empty)");
        assertEquals(List.of(List.of("panel", "127.0.0.1", "gave_up", "HTTP 403", "1")),
                page.select("#fediverse-failures tr.failure").stream()
                        .map(r -> r.select("td").eachText().subList(1, 6)).toList(),
                "feed, inbox host, outcome, answer, attempts of each failure");
    }
}
