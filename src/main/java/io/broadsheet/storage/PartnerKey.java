package io.broadsheet.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A partner's key: its SHA-256 digest (never the key), the first characters for recognition, and the named
 * feeds it grants (comma-separated).
 */
@MappedEntity("partner_key")
public record PartnerKey(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String keyHash,
        String keyPrefix,
        String feeds,
        Instant createdAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        long requestCount) {

    public List<String> feedList() {
        return Arrays.stream(feeds.split(",")).filter(f -> !f.isBlank()).toList();
    }

    public boolean grants(String feed) {
        return revokedAt == null && feedList().contains(feed);
    }
}
