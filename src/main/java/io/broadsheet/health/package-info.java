/**
 * What {@code /health} reports besides the framework's own indicators (the database, the disk, deadlocked threads,
 * a shutdown under way): {@link io.broadsheet.health.DatabaseReadiness} holds {@code /health/readiness} down
 * until the schema is migrated and the database has answered. Each further check is one {@code HealthIndicator}
 * bean here, marked {@code @Readiness} or {@code @Liveness}.
 */
package io.broadsheet.health;
