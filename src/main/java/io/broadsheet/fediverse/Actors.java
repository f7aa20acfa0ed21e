package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedService;
import jakarta.inject.Singleton;

import java.net.URI;

/** The actor of each public feed and its URLs. */
@Singleton
public class Actors {

    private final FeedsConfig config;
    private final FeedService feeds;

    public Actors(FeedsConfig config, FeedService feeds) {
        this.config = config;
        this.feeds = feeds;
    }

    public boolean isActor(String feed) {
        return !config.isPartnerFeed(feed) && feeds.definition(feed).isPresent();
    }

    public String actorId(String feed) {
        return config.site().url("/fediverse/" + feed);
    }

    public String keyId(String feed) {
        return actorId(feed) + "#main-key";
    }

    public String inbox(String feed) {
        return actorId(feed) + "/inbox";
    }

    public String sharedInbox() {
        return config.site().url("/fediverse/inbox");
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

    public String handle(String feed) {
        return "@" + feed + "@" + URI.create(config.site().baseUrl()).getRawAuthority();
    }
}
