package io.broadsheet.fediverse;

import io.broadsheet.storage.FollowerRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** Who follows each feed. */
@Singleton
public class Followers {

    private final FollowerRepository followers;

    public Followers(FollowerRepository followers) {
        this.followers = followers;
    }

    public long count(String feed) {
        return followers.count(feed);
    }

    /** When the feed gained its earliest current follower. */
    public Optional<Instant> firstFollowedAt(String feed) {
        return Optional.empty();
    }
}
