package io.broadsheet.fediverse;

import io.broadsheet.storage.DeliveryRepository;
import io.broadsheet.storage.DeliveryRepository.Due;
import io.broadsheet.testing.FediverseRows;
import io.broadsheet.testing.HttpTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A taken delivery is settled, retried or given back only under the lease its taking wrote: an instance whose lease
 * ran out and whose row another instance took over changes nothing. The rows are due in 2099, beyond this instance's
 * own worker.
 */
@MicronautTest(transactional = false)
class DeliveryLeasesTest extends HttpTest {

    private static final Instant DUE = Instant.parse("2099-01-01T00:00:00Z");

    @Inject
    ApplicationContext context;
    @Inject
    DeliveryRepository rows;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aSettleRetryOrReleaseUnderAStaleLeaseChangesNothingAndTheCurrentLeaseSettles() {
        Due taken = queueAndTake("https://stale.example/inbox", DUE.plusSeconds(60));
        Due stale = new Due(taken.activity(), taken.inbox(), taken.attempts(), taken.feed(), taken.kind(), taken.body(),
                taken.createdAt(), taken.leasedUntil().minus(1, ChronoUnit.MICROS));

        assertFalse(write(() -> rows.settle(stale)), "a settle under a stale lease reports a change");
        assertFalse(write(() -> rows.retryAt(stale, 1, DUE, "stale")), "a retry under a stale lease reports a change");
        assertFalse(write(() -> rows.release(stale)), "a release under a stale lease reports a change");
        assertEquals(1L, FediverseRows.queued(context), "deliveries queued after the stale taking's changes");
        assertEquals(List.of(), write(() -> rows.claim(DUE.plusSeconds(120), DUE.plusSeconds(600), 10)),
                "what another instance may take while the current lease holds");

        assertTrue(write(() -> rows.settle(taken)), "a settle under the current lease reports no change");
        assertEquals(0L, FediverseRows.queued(context), "deliveries queued after the current taking settled");
        assertEquals(0L, FediverseRows.activities(context), "activities left after their last delivery settled");
    }

    @Test
    void aLeaseIsWholeMicrosecondsPastTheLeaseAndDiffersFromOneTakingToTheNext() {
        Instant now = Instant.parse("2026-12-08T00:00:00.123456789Z");
        Instant first = Deliverer.leaseUntil(now);
        Instant second = Deliverer.leaseUntil(now);
        for (Instant lease : List.of(first, second)) {
            assertEquals(0, lease.getNano() % 1_000, "nanoseconds beyond the microsecond in " + lease);
            assertTrue(!lease.isBefore(now.plus(Deliverer.LEASE).truncatedTo(ChronoUnit.MICROS)),
                    "a lease before now + " + Deliverer.LEASE + ": " + lease);
        }
        assertTrue(!first.equals(second) || !Deliverer.leaseUntil(now).equals(first),
                "three takings at the same instant wrote the same lease " + first);
    }

    /** One activity with one delivery to {@code inbox}, due at {@link #DUE}, taken at {@code now}. */
    private Due queueAndTake(String inbox, Instant now) {
        return write(() -> {
            long activity = rows.insertActivity("fed-lease", "https://lease.example/" + inbox, "Create", "{}", DUE);
            rows.insertDeliveries(activity, List.of(inbox), DUE);
            List<Due> due = rows.claim(now, Deliverer.leaseUntil(now), 10);
            assertEquals(1, due.size(), "deliveries taken: " + due);
            return due.get(0);
        });
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
