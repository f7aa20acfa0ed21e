package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedDirectory;
import jakarta.inject.Singleton;

import java.net.URI;

/** The ActivityPub actor of each public feed: which feeds are actors, and their URLs. */
@Singleton
public class Actors {

    private final FeedsConfig config;
    private final FeedDirectory directory;

    public Actors(FeedsConfig config, FeedDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    public boolean isActor(String feed) {
        return directory.publicFeeds().stream().anyMatch(listed -> listed.name().equals(feed));
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
        URI base = URI.create(config.site().baseUrl());
        return "@" + feed + "@" + base.getRawAuthority();
    }
}
