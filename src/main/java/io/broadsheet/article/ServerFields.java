package io.broadsheet.article;

import java.time.Instant;

/**
 * What the server sets on an article, as another installation set it: kept by an import with preserve-ids, so
 * that feed item ids (made from the id), item dates and feed validators survive a move to another database.
 *
 * @param version how many times the article was replaced (0: never, so feeds date its update at its publication)
 */
public record ServerFields(long id, Instant createdAt, Instant updatedAt, long version) {
}
