package io.broadsheet.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code feeds-config/} defines: the site, the defaults and the named feeds.
 *
 * @param site          site metadata
 * @param defaultLimit  item limit of feeds that set none
 * @param defaultContent content mode of feeds that set none
 * @param feeds         named feeds by name, in file order
 */
public record FeedsConfig(SiteConfig site, int defaultLimit, ContentMode defaultContent,
                          Map<String, FeedDefinition> feeds) {

    public FeedsConfig {
        feeds = Collections.unmodifiableMap(new LinkedHashMap<>(feeds));
    }

    public Optional<FeedDefinition> namedFeed(String name) {
        return Optional.ofNullable(feeds.get(name));
    }
}
