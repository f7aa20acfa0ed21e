package io.broadsheet.fediverse;

import io.broadsheet.article.ArticleService;
import io.broadsheet.feed.FeedIndex;
import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FediverseRows;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.RecordingInbox;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An embargoed article sends nothing while embargoed, and its Create once the embargo lifts: announced by the next
 * write, or by the release timer's count ({@link FeedIndex#release}), whichever comes first; and the end of an
 * article's usage window sends its Delete.
 */
@MicronautTest(transactional = false)
class FediverseEmbargoTest extends HttpTest {

    /** Later than the release row's counted_through, which the migration set to the time it ran. */
    private static final Instant NOON = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
    private static final Instant FOLLOWED = NOON.minus(1, ChronoUnit.HOURS);
    /** Days past {@link #NOON} the tests took so far: each takes a later one, so the clock never goes back. */
    private int days;

    private final RecordingInbox inbox = new RecordingInbox();

    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    FeedIndex index;
    @Inject
    ArticleService articles;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.withMutableClock(getClass().getSimpleName()));
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        return properties;
    }

    @AfterAll
    void stopInbox() {
        inbox.close();
    }

    @Test
    void anEmbargoedArticleIsSentWhenTheNextWriteFindsItsEmbargoLifted() {
        Instant noon = nextNoon();
        FediverseRows.addFollower(context, "fed-embargo", "https://nine.example/users/a", inbox.url("/write/inbox"), FOLLOWED);
        post("fe-later", noon.plus(1, ChronoUnit.HOURS).toString(), "fed-embargo");
        assertEquals(0L, FediverseRows.queued(context), "deliveries queued for an embargoed article");

        clock.set(noon.plus(1, ChronoUnit.HOURS).plusSeconds(1));
        post("fe-other", noon.plus(1, ChronoUnit.HOURS).toString(), "fed-unfollowed"); // any write counts the lifted embargoes

        Eventually.equals(1, () -> inbox.requests("/write/inbox").size(), "Creates received");
        assertEquals(List.of("Create"), types("/write/inbox"));
    }

    @Test
    void anEmbargoedArticleIsSentWhenTheReleaseTimerCountsIt() {
        Instant noon = nextNoon();
        FediverseRows.addFollower(context, "fed-timer", "https://ten.example/users/a", inbox.url("/timer/inbox"), FOLLOWED);
        post("ft-later", noon.plus(1, ChronoUnit.HOURS).toString(), "fed-timer");
        assertEquals(0L, FediverseRows.queued(context), "deliveries queued for an embargoed article");

        clock.set(noon.plus(1, ChronoUnit.HOURS).plusSeconds(1));
        index.release(clock.instant()); // what the release timer runs when it fires

        Eventually.equals(1, () -> inbox.requests("/timer/inbox").size(), "Creates received");
        assertEquals(List.of("Create"), types("/timer/inbox"));
        assertEquals(1L, FediverseRows.notes(context, "fed-timer"), "notes recorded");
    }

    @Test
    void anArticleWhoseUsageWindowEndsSendsDelete() {
        Instant noon = nextNoon();
        FediverseRows.addFollower(context, "fed-expiry", "https://twelve.example/users/a", inbox.url("/expiry/inbox"), FOLLOWED);
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("fx-1",
                noon.minusSeconds(60).toString(), "fed-expiry"), "expiresAt", noon.plus(1, ChronoUnit.HOURS).toString())))
                .status());
        Eventually.equals(1, () -> inbox.requests("/expiry/inbox").size(), "Creates received");

        clock.set(noon.plus(1, ChronoUnit.HOURS).plusSeconds(1));
        assertEquals(1, articles.expireDue(), "articles expired"); // what the release timer runs when it fires

        Eventually.equals(2, () -> inbox.requests("/expiry/inbox").size(), "activities received");
        assertEquals(List.of("Create", "Delete"), types("/expiry/inbox"));
        assertEquals(0L, FediverseRows.notes(context, "fed-expiry"), "notes recorded");
    }

    private Instant nextNoon() {
        Instant noon = NOON.plus(days++, ChronoUnit.DAYS);
        clock.set(noon);
        return noon;
    }

    private void post(String key, String publishedAt, String category) {
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article(key, publishedAt, category))).status());
    }

    private List<String> types(String path) {
        return inbox.requests(path).stream().map(r -> jsonTree(r.body()).get("type").getStringValue()).toList();
    }
}
