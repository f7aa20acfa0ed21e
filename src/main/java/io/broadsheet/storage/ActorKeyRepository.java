package io.broadsheet.storage;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The key pair of each feed's fediverse actor ({@code fediverse_actor_key}): made once, then read by every instance.
 * Two instances that make one at the same time both insert; the second insert does nothing (the primary key) and
 * both read the row that won.
 */
@Singleton
public class ActorKeyRepository {

    private final JdbcOperations jdbc;

    ActorKeyRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A feed's stored key pair.
     *
     * @param publicKeyPem    SPKI PEM
     * @param privateKeyPkcs8 PKCS#8, base64
     * @param createdAt       when it was made: the actor's {@code published}
     */
    public record StoredKey(String feed, String publicKeyPem, String privateKeyPkcs8, Instant createdAt) {
    }

    /**
     * A new transaction of its own, so that a caller inside a snapshot still sees the row another instance stored
     * after the snapshot began.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<StoredKey> find(String feed) {
        return jdbc.prepareStatement("SELECT feed, public_key_pem, private_key_pkcs8, created_at FROM fediverse_actor_key"
                + " WHERE feed = ?", ps -> {
            Statements.bind(ps, feed);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                        : Optional.<StoredKey>empty();
            }
        });
    }

    /** Stores a key pair unless the feed has one; true when this one was stored. Its own transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public boolean insertIfAbsent(StoredKey key) {
        return jdbc.prepareStatement("INSERT INTO fediverse_actor_key (feed, public_key_pem, private_key_pkcs8,"
                + " created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", ps -> {
            Statements.bind(ps, key.feed(), key.publicKeyPem(), key.privateKeyPkcs8(),
                    key.createdAt().atOffset(ZoneOffset.UTC));
            return ps.executeUpdate() == 1;
        });
    }
}
