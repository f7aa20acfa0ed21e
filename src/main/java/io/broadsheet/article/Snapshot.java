package io.broadsheet.article;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read-only transaction on one snapshot (REPEATABLE READ: a snapshot on PostgreSQL and on H2's MVStore),
 * so that the several queries that load articles and their children never mix two versions of an article.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
public @interface Snapshot {
}
