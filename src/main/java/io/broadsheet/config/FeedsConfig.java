package io.broadsheet.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URI;
import java.util.Optional;

/**
 * Everything {@code feeds-config/} defines: the site, the defaults and the named feeds.
 *
 * @param site          site metadata
 * @param defaultLimit  item limit of feeds that set none
 * @param defaultContent content mode of feeds that set none
 * @param defaultMaxAge max-age in seconds of feeds that set none
 * @param feeds         named feeds by name, in file order
 * @param hubs          WebSub hubs told of every change and advertised in every feed
 * @param purge         the CDN purge webhook told of every change, or null
 * @param tombstoneDays how long a withdrawn article's tombstone stays at the top of the feeds that held it
 * @param mediaRss15    whether RSS and Atom carry the Media RSS 1.5 elements that the W3C Feed Validation Service
 *                      does not know and reports as errors ({@code media:status}, {@code media:license})
 * @param blockedDomains fediverse servers refused as followers and never delivered to: each host name blocks
 *                      itself and its subdomains
 * @param file          the file it was read from, which problems found later (at start-up) name
 */
public record FeedsConfig(SiteConfig site, int defaultLimit, ContentMode defaultContent, int defaultMaxAge,
                          Map<String, FeedDefinition> feeds, List<URI> hubs, PurgeWebhook purge,
                          int tombstoneDays, boolean mediaRss15, List<String> blockedDomains,
                          String file) {

    /** The name of the built-in feed of every public article. */
    public static final String ALL = "all";

    public FeedsConfig {
        feeds = Collections.unmodifiableMap(new LinkedHashMap<>(feeds));
        hubs = List.copyOf(hubs);
        blockedDomains = List.copyOf(blockedDomains);
    }

    /** True when a fediverse host is one of {@code blockedDomains} or a subdomain of one (case-insensitive). */
    public boolean blocksDomain(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String domain : blockedDomains) {
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** A feed with the defaults: what {@code all} and category feeds are. */
    public FeedDefinition defaultFeed(String name, String title, String description, List<String> categories) {
        return new FeedDefinition(name, title, description, categories, List.of(), defaultLimit, defaultContent,
                defaultMaxAge, Access.PUBLIC);
    }

    /** How long tombstones stay in the feeds. */
    public java.time.Duration tombstoneRetention() {
        return java.time.Duration.ofDays(tombstoneDays);
    }

    /**
     * A stable digest of everything that shapes the feeds: when it changes, every feed's Last-Modified moves. The
     * purge webhook changes no feed, so it is left out (and the text is the one digested before it existed).
     */
    public String fingerprint() {
        return sha256("FeedsConfig[site=" + site + ", defaultLimit=" + defaultLimit + ", defaultContent="
                + defaultContent + ", defaultMaxAge=" + defaultMaxAge + ", feeds=" + feeds + ", hubs=" + hubs + "]"
                + (mediaRss15 ? " mediaRss15" : "")); // unchanged text while the switch is off
    }

    /** A stable digest of what the named feeds select (categories, tags): when it changes, their rows are rebuilt. */
    public String selectionsFingerprint() {
        StringBuilder selections = new StringBuilder();
        for (FeedDefinition feed : feeds.values()) {
            if (!feed.selectsEverything()) {
                selections.append(feed.name()).append('|').append(feed.categories()).append('|')
                        .append(feed.tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList()).append('\n');
            }
        }
        return sha256(selections.toString());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code /feeds/{name}} serves a feed of the configuration: {@value #ALL} or a named feed. */
    public boolean namesFeed(String name) {
        return ALL.equals(name) || feeds.containsKey(name);
    }

    public Optional<FeedDefinition> namedFeed(String name) {
        return Optional.ofNullable(feeds.get(name));
    }

    /** True when {@code name} is a named feed that only partners may read. */
    public boolean isPartnerFeed(String name) {
        FeedDefinition feed = feeds.get(name);
        return feed != null && feed.partnerOnly();
    }
}
