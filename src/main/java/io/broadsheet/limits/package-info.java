/**
 * What a stranger's requests may cost: {@link io.broadsheet.limits.ClientRateLimiter} (read it first) gives each
 * client address a token bucket for feed and page requests, in a map of bounded size; {@link
 * io.broadsheet.limits.RenderSlots} bounds the renders that read the database at once, so that a flood of uncached
 * requests neither queues without end nor takes the connections health checks and writes need.
 */
package io.broadsheet.limits;
