package io.broadsheet.partner;

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

    @Query("UPDATE partner_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id, Instant at);

    @Query("UPDATE partner_key SET request_count = request_count + :requests, "
            + "last_used_at = GREATEST(COALESCE(last_used_at, :lastUsed), :lastUsed) WHERE id = :id")
    void recordUse(long id, long requests, Instant lastUsed);
}
