/**
 * Serving behind a CDN: the cache keys every public feed answer names ({@link io.broadsheet.cdn.CacheKeys}, read
 * first), and the purge webhook told which of them changed ({@link io.broadsheet.cdn.CdnPurger}).
 */
package io.broadsheet.cdn;
