/**
 * What {@code /health} reports besides the framework's own indicators (the database, the disk, deadlocked threads,
 * a shutdown under way): {@link io.broadsheet.health.DatabaseReadiness} holds {@code /health/readiness} down
 * until the schema is migrated and the database has answered; {@link io.broadsheet.health.DatabaseLiveness} takes
 * {@code /health/liveness} down once the database can no longer be used (both ask {@code storage.Database#ping}).
 * The process itself: {@link io.broadsheet.health.OutOfMemoryExit} (an exhausted heap ends it) and
 * {@link io.broadsheet.health.ShutdownDeadline} (a stop ends within its deadline). Each further check is one
 * {@code HealthIndicator} bean here, marked {@code @Readiness} or {@code @Liveness}.
 */
package io.broadsheet.health;
