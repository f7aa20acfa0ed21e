/**
 * Serving behind a CDN: the cache keys every public feed answer names ({@link io.broadsheet.cdn.CacheKeys}, read
 * first).
 */
package io.broadsheet.cdn;
