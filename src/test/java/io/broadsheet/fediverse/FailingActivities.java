package io.broadsheet.fediverse;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * The documents, except that a Create for the feed {@code broadsheet.test.failing-activities-feed} cannot be written:
 * a publishing failure after its note's row is inserted, for {@link PublishingFailureTest}.
 */
@Singleton
@Replaces(Activities.class)
@Requires(property = "broadsheet.test.failing-activities-feed")
class FailingActivities extends Activities {

    private final String failingFeed;

    FailingActivities(Actors actors, NoteWriter notes, JsonMapper json,
                      @Value("${broadsheet.test.failing-activities-feed}") String failingFeed) {
        super(actors, notes, json);
        this.failingFeed = failingFeed;
    }

    @Override
    public String create(String feed, Note note) {
        if (feed.equals(failingFeed)) {
            throw new IllegalStateException("a Create for " + feed + " that cannot be written");
        }
        return super.create(feed, note);
    }
}
