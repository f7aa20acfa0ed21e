package io.broadsheet.fediverse;

import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.config.SiteConfig;
import io.broadsheet.feed.FeedService;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Which feeds are fediverse actors (exactly the public ones: {@code all}, the public named feeds and each category
 * the public may know of; never a partner feed) and their addresses: the actor {@code {base}/fediverse/{feed}} and
 * what hangs off it. The actor and handle are written by {@link SiteConfig#fediverseActor} and
 * {@link SiteConfig#fediverseHandle}, which the JSON Feed and the pages use too.
 */
@Singleton
public class Actors {

    private final FeedService feeds;
    private final FeedsConfig config;
    private final SiteConfig site;

    public Actors(FeedService feeds, FeedsConfig config) {
        this.feeds = feeds;
        this.config = config;
        this.site = config.site();
    }

    /**
     * Whether {@code feed} is an actor: the public feed of that name exists. A named feed or {@code all} costs no
     * query; a category costs its row and the few reads of the first row of its feed that decide whether the public
     * may know of it (as its feed and page decide), whatever the size of the archive.
     */
    public boolean isActor(String feed) {
        return definition(feed).isPresent();
    }

    /**
     * Whether the articles a feed holds go to its followers: any feed but a partner feed. Nothing is read: a feed that
     * holds an article is known, and only an actor can have gained followers.
     */
    public boolean publishes(String feed) {
        return !config.isPartnerFeed(feed);
    }

    /** The public feed {@code feed}, if there is one. */
    public Optional<FeedDefinition> definition(String feed) {
        if (feed == null || feed.isEmpty() || feed.length() > 200) {
            return Optional.empty();
        }
        Optional<FeedDefinition> definition = feeds.definition(feed).filter(d -> !d.partnerOnly());
        if (definition.isEmpty() || config.namesFeed(feed)) {
            return definition;
        }
        // a category only embargoed articles use is unknown, as its feed is; asked without an exception, which would
        // mark a writing transaction this runs in (publishing) for rollback
        return feeds.isKnownCategoryFeed(definition.get()) ? definition : Optional.empty();
    }

    public String actorId(String feed) {
        return site.fediverseActor(feed);
    }

    public String keyId(String feed) {
        return actorId(feed) + "#main-key";
    }

    public String inbox(String feed) {
        return actorId(feed) + "/inbox";
    }

    public String sharedInbox() {
        return site.url("/fediverse/inbox");
    }

    public String outbox(String feed) {
        return actorId(feed) + "/outbox";
    }

    public String followers(String feed) {
        return actorId(feed) + "/followers";
    }

    public String noteId(String feed, long articleId) {
        return actorId(feed) + "/notes/" + articleId;
    }

    /** {@code @world@news.example.com}. */
    public String handle(String feed) {
        return site.fediverseHandle(feed);
    }

    /** The handle as WebFinger names it: {@code acct:world@news.example.com}. */
    public String account(String feed) {
        return "acct:" + feed + "@" + site.authority();
    }

    /**
     * The feed's page for people, as the home page links it: a category's page, else the home page (which lists
     * {@code all} and the named feeds).
     */
    public String page(String feed) {
        return config.namesFeed(feed) ? site.url("/") : site.url("/categories/" + feed);
    }
}
