/**
 * What the service counts and measures for Prometheus ({@code GET /metrics}): feed answers, the feed cache, render
 * times, hub pings, import lines and the articles stored. Every recording method lives on
 * {@link io.broadsheet.metrics.BroadsheetMetrics}; read it first. Depends on nothing of the service's own but
 * {@code io.broadsheet.storage} (the count of articles stored, {@code FeedCounts}), so every package above storage may
 * record into it.
 */
package io.broadsheet.metrics;
