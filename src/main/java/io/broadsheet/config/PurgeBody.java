package io.broadsheet.config;

/** The shape of a CDN purge request's JSON body: generic, or what one CDN's purge API takes. */
public enum PurgeBody {
    /** {@code {"keys": [...]}}, every key of a batch in one request. */
    KEYS,
    /** Fastly's batch purge: {@code {"surrogate_keys": [...]}}. */
    FASTLY,
    /** Cloudflare's purge by tag: {@code {"tags": [...]}}. */
    CLOUDFLARE
}
