/**
 * Telling other services of changes over HTTP, batched, retried and flushed on shutdown alike for every kind of
 * notice (WebSub pings, CDN purges). Read {@link io.broadsheet.notify.RetryingPoster} first.
 */
package io.broadsheet.notify;
