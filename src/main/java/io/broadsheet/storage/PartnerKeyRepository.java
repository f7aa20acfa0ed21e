package io.broadsheet.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** Partner keys. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PartnerKeyRepository extends CrudRepository<PartnerKey, Long> {

    List<PartnerKey> listOrderById();

    /** A key as another installation stored it, under its id. */
    @Query("INSERT INTO partner_key (id, name, key_hash, key_prefix, feeds, created_at, revoked_at, last_used_at, request_count)"
            + " VALUES (:id, :name, :keyHash, :keyPrefix, :feeds, :createdAt, :revokedAt, :lastUsedAt, :requestCount)")
    void insertKept(long id, String name, String keyHash, String keyPrefix, String feeds, Instant createdAt,
                    @Nullable Instant revokedAt, @Nullable Instant lastUsedAt, long requestCount);

    @Query("UPDATE partner_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id, Instant at);

    @Query("UPDATE partner_key SET request_count = request_count + :requests, "
            + "last_used_at = GREATEST(COALESCE(last_used_at, :lastUsed), :lastUsed) WHERE id = :id")
    void recordUse(long id, long requests, Instant lastUsed);
}
