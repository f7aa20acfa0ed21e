package io.broadsheet.fediverse;

import io.broadsheet.storage.Durability;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * The delivery queue's own writes (taking due rows, settling and rescheduling them), committed without waiting for
 * the embedded database's file ({@link Durability#deferred}): on H2 every commit is otherwise followed by a
 * checkpoint, and one per delivery made the disk, not the inboxes, the pace of delivery. A crash may lose the last
 * of them; a delivery whose settling was lost is sent again, which a receiver keeps once by its activity id. The
 * activities themselves are queued in the article's write, which waits for the disk as every write does.
 */
@Singleton
class QueueWrites {

    private final TransactionOperations<Connection> transactions;
    private final Durability durability;

    QueueWrites(TransactionOperations<Connection> transactions, Durability durability) {
        this.transactions = transactions;
        this.durability = durability;
    }

    <T> T write(TransactionCallback<Connection, T> work) {
        return durability.deferred(() -> transactions.executeWrite(work));
    }
}
