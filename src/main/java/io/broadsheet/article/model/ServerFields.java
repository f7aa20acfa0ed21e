package io.broadsheet.article.model;

import java.time.Instant;

/**
 * What the server sets on an article, as another installation set it: kept by an import with preserve-ids, so
 * that feed item ids (made from the id), item dates and feed validators survive a move to another database.
 *
 * @param version         how many times the article was replaced (0: never, so feeds date its update at its publication)
 * @param withdrawnAt     when it was withdrawn, or null
 * @param withdrawnReason why, or null
 * @param corrections     its correction notices, oldest first
 */
public record ServerFields(long id, Instant createdAt, Instant updatedAt, long version, Instant withdrawnAt,
                           String withdrawnReason, java.util.List<Correction> corrections) {
}
