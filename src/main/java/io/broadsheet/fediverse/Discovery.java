package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.config.SiteConfig;
import io.broadsheet.feed.FeedDirectory;
import io.broadsheet.feed.FeedService;
import io.broadsheet.input.InvalidInputException;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the fediverse finds the actors: WebFinger ({@code acct:world@news.example.com}, or the actor's URL, to the
 * actor) and NodeInfo 2.1 (what this server is).
 * Spec: https://www.rfc-editor.org/rfc/rfc7033, https://nodeinfo.diaspora.software/protocol.html
 */
@Singleton
public class Discovery {

    /** The WebFinger parameter, and the field a 400 names. */
    public static final String RESOURCE = "resource";
    static final String NODEINFO_SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.1";
    /** The longest resource looked at: an actor URL is far shorter. */
    private static final int MAX_RESOURCE = 1000;

    private final Actors actors;
    private final Activities activities;
    private final FeedDirectory directory;
    private final SiteConfig site;

    public Discovery(Actors actors, Activities activities, FeedDirectory directory, FeedsConfig config) {
        this.actors = actors;
        this.activities = activities;
        this.directory = directory;
        this.site = config.site();
    }

    /**
     * The JRD of the actor a resource names, or empty when it names none (another host, a partner feed, an unknown
     * name).
     *
     * @throws InvalidInputException naming {@value #RESOURCE} when it is missing or neither {@code acct:name@host}
     *                               nor an http(s) URL
     */
    public Optional<String> webfinger(String resource) {
        return feedNamed(resource).filter(actors::isActor).map(this::jrd);
    }

    private String jrd(String feed) {
        Map<String, Object> jrd = new LinkedHashMap<>();
        jrd.put("subject", actors.account(feed));
        jrd.put("aliases", List.of(actors.actorId(feed), actors.page(feed)));
        jrd.put("links", List.of(
                Activities.members("rel", "self", "type", "application/activity+json", "href", actors.actorId(feed)),
                Activities.members("rel", "http://webfinger.net/rel/profile-page", "type", "text/html",
                        "href", actors.page(feed))));
        return activities.write(jrd);
    }

    /** The feed name a resource asks for, if it is on this host. */
    private Optional<String> feedNamed(String resource) {
        if (resource == null || resource.isBlank()) {
            throw InvalidInputException.of(RESOURCE, "is required: acct:{feed}@" + site.authority() + " or an actor's URL");
        }
        if (resource.length() > MAX_RESOURCE) {
            throw InvalidInputException.of(RESOURCE, "must be at most " + MAX_RESOURCE + " characters, got "
                    + resource.length());
        }
        String lower = resource.toLowerCase(Locale.ROOT);
        if (lower.startsWith("acct:")) {
            return account(resource.substring("acct:".length()));
        }
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return actorUrl(resource);
        }
        throw InvalidInputException.of(RESOURCE, "must be acct:{feed}@" + site.authority() + " or an actor's URL");
    }

    private Optional<String> account(String account) {
        int at = account.lastIndexOf('@');
        if (at <= 0 || at == account.length() - 1) {
            throw InvalidInputException.of(RESOURCE, "must be acct:{feed}@{host}, got no name or no host");
        }
        String host = account.substring(at + 1);
        return host.equalsIgnoreCase(site.authority()) ? Optional.of(account.substring(0, at)) : Optional.empty();
    }

    /** {@code {base}/fediverse/{feed}}, the scheme and host in any case. */
    private Optional<String> actorUrl(String resource) {
        URI uri;
        try {
            uri = new URI(resource);
        } catch (URISyntaxException e) {
            throw InvalidInputException.of(RESOURCE, "is not a URL: " + e.getReason());
        }
        URI base = URI.create(site.baseUrl());
        String prefix = base.getRawPath() + "/fediverse/";
        String path = uri.getRawPath();
        if (!base.getScheme().equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null
                || !base.getRawAuthority().equalsIgnoreCase(uri.getRawAuthority()) || uri.getRawQuery() != null
                || path == null || !path.startsWith(prefix) || path.indexOf('/', prefix.length()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(path.substring(prefix.length()));
    }

    /** {@code /.well-known/nodeinfo}: where NodeInfo 2.1 is. */
    public String nodeinfoLinks() {
        return activities.write(Map.of("links", List.of(Activities.members("rel", NODEINFO_SCHEMA,
                "href", site.url("/nodeinfo/2.1")))));
    }

    /** NodeInfo 2.1: the software, its protocol, and its actors and articles. */
    public String nodeinfo() {
        List<FeedDirectory.Listed> feeds = directory.publicFeeds();
        long articles = feeds.stream().filter(f -> FeedService.ALL.equals(f.name())).mapToLong(FeedDirectory.Listed::items)
                .findFirst().orElse(0);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", "2.1");
        info.put("software", Activities.members("name", "broadsheet", "version", SoftwareVersion.VALUE));
        info.put("protocols", List.of("activitypub"));
        info.put("services", Activities.members("inbound", List.of(), "outbound", List.of("rss2.0", "atom1.0")));
        info.put("openRegistrations", false);
        info.put("usage", Activities.members("users", Map.of("total", feeds.size()), "localPosts", articles));
        info.put("metadata", Map.of("nodeName", site.title()));
        return activities.write(info);
    }
}
