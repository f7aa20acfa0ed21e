package io.broadsheet.config;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the cache keys of changed feeds are POSTed, so that a CDN drops its copies ({@code cdn.purge}).
 *
 * @param url     the endpoint
 * @param headers sent with every request, in file order (an API token, typically): never logged
 * @param body    the JSON shape the endpoint expects
 */
public record PurgeWebhook(URI url, Map<String, String> headers, PurgeBody body) {

    public PurgeWebhook {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The endpoint as logs show it: without user info or query, which may carry secrets. */
    public String displayUrl() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /** Names the header names only: the values are secrets. */
    @Override
    public String toString() {
        return "PurgeWebhook[url=" + displayUrl() + ", headers=" + headers.keySet() + ", body=" + body + "]";
    }
}
