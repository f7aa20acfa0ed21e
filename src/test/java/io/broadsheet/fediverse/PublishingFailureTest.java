package io.broadsheet.fediverse;

import io.broadsheet.storage.NoteLedgerRepository;
import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FediverseRows;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.RecordingInbox;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing never fails an article's write: when what a write sends cannot be made ({@link FailingActivities} for
 * the feed {@code fed-broken}), the article is stored and answered as usual, and only the publishing rows are undone;
 * and a note's row two transactions insert at once is inserted once, without an error.
 */
@MicronautTest(transactional = false)
class PublishingFailureTest extends HttpTest {

    private final RecordingInbox inbox = new RecordingInbox();
    private final Instant followedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    ApplicationContext context;
    @Inject
    NoteLedgerRepository ledger;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.fediverse.allow-private-addresses", "true");
        properties.put("broadsheet.test.failing-activities-feed", "fed-broken");
        return properties;
    }

    @AfterAll
    void stopInbox() {
        inbox.close();
    }

    @Test
    void anArticleWhosePublishingFailsIsStoredAndAnswered201AndItsNoteRowUndone() {
        FediverseRows.addFollower(context, "fed-broken", "https://one.example/users/a", inbox.url("/broken/inbox"), followedAt);
        FediverseRows.addFollower(context, "fed-fine", "https://two.example/users/b", inbox.url("/fine/inbox"), followedAt);
        Map<String, Object> broken = Fixtures.article("pf-broken", minuteAgo(), "fed-broken");

        assertEquals(201, http.post("/api/articles", Fixtures.json(broken)).status(), "the write whose publishing fails");
        Http.Answer stored = http.getAsAdmin("/api/articles/pf-broken");
        assertEquals(200, stored.status(), "the article read back: " + stored.body());
        assertTrue(stored.body().contains("pf-broken"), stored.body());
        assertEquals(0L, FediverseRows.notes(context, "fed-broken"), "note rows of the Create that failed");
        assertEquals(200, http.put("/api/articles/pf-broken", Fixtures.json(Fixtures.with(broken, "title",
                "pf-broken-edited")), null).status(), "an edit whose publishing fails again");

        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("pf-fine", minuteAgo(),
                "fed-fine"))).status(), "a write to another feed");
        Eventually.equals(1, () -> inbox.requests("/fine/inbox").size(), "Creates at the other feed's inbox");
        Eventually.equals(0L, () -> FediverseRows.queued(context), "deliveries still queued");
        assertEquals(List.of(), inbox.requests("/broken/inbox"), "what the failing feed's follower was sent");
        assertEquals(1L, FediverseRows.notes(context, "fed-fine"), "note rows of the other feed");
    }

    @Test
    void aNoteRowAnotherTransactionWroteFirstIsLeftAndReportedNotInserted() {
        Instant published = Instant.parse("2026-01-01T00:00:00Z");
        boolean first = transactions.executeWrite(s -> ledger.insert("fed-race", 9_001, "first-digest", published));
        boolean second = transactions.executeWrite(s -> ledger.insert("fed-race", 9_001, "second-digest", published));
        assertTrue(first, "the first insert of the note's row reports it inserted nothing");
        assertFalse(second, "the second insert of the note's row (the one that must not send a Create) reports it inserted");
        assertEquals(1L, FediverseRows.notes(context, "fed-race"), "note rows after two inserts");
    }

    private static String minuteAgo() {
        return Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
