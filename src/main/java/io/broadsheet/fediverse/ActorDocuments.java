package io.broadsheet.fediverse;

import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.config.SiteConfig;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.feed.FeedService;
import jakarta.inject.Singleton;
import org.jsoup.nodes.Entities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The documents an actor's URLs answer, as JSON text: the actor ({@code Service}), its followers (a count) and its
 * outbox (the feed's Creates, newest first, {@value #PAGE_SIZE} a page, read from the feed's own rows as its pages
 * are). Spec: https://www.w3.org/TR/activitypub/#actor-objects, https://docs.joinmastodon.org/spec/activitypub/
 */
@Singleton
public class ActorDocuments {

    /** Creates on each page of an outbox. */
    public static final int PAGE_SIZE = 20;
    /** The actor's context: ActivityStreams, the security vocabulary (its key) and the members Mastodon adds. */
    static final List<Object> ACTOR_CONTEXT = List.of(Activities.STREAMS, "https://w3id.org/security/v1",
            Activities.members("manuallyApprovesFollowers", "as:manuallyApprovesFollowers", "toot",
                    "http://joinmastodon.org/ns#", "discoverable", "toot:discoverable", "indexable", "toot:indexable"));

    private final Actors actors;
    private final ActorKeys keys;
    private final Activities activities;
    private final Followers followers;
    private final FeedService feeds;
    private final SiteConfig site;

    public ActorDocuments(Actors actors, ActorKeys keys, Activities activities, Followers followers, FeedService feeds,
                          FeedsConfig config) {
        this.actors = actors;
        this.keys = keys;
        this.activities = activities;
        this.followers = followers;
        this.feeds = feeds;
        this.site = config.site();
    }

    /** The actor of a public feed. */
    public String actor(FeedDefinition definition) {
        String feed = definition.name();
        ActorKeys.ActorKey key = keys.key(feed);
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("@context", ACTOR_CONTEXT);
        actor.put("id", actors.actorId(feed));
        actor.put("type", "Service");
        actor.put("preferredUsername", feed);
        actor.put("name", definition.title());
        String description = Objects.requireNonNullElse(definition.description(), site.description());
        actor.put("summary", "<p>" + Entities.escape(description) + "</p>");
        actor.put("url", actors.page(feed));
        if (site.icon() != null) {
            actor.put("icon", Activities.members("type", "Image", "url", site.icon().toString()));
        }
        actor.put("inbox", actors.inbox(feed));
        actor.put("outbox", actors.outbox(feed));
        actor.put("followers", actors.followers(feed));
        actor.put("endpoints", Map.of("sharedInbox", actors.sharedInbox()));
        actor.put("publicKey", publicKey(feed, key.publicKeyPem()));
        actor.put("manuallyApprovesFollowers", false);
        actor.put("discoverable", true);
        actor.put("indexable", true);
        actor.put("published", Activities.date(key.createdAt()));
        return activities.write(actor);
    }

    private Map<String, Object> publicKey(String feed, String pem) {
        Map<String, Object> publicKey = new LinkedHashMap<>();
        publicKey.put("id", actors.keyId(feed));
        publicKey.put("owner", actors.actorId(feed));
        publicKey.put("publicKeyPem", pem);
        return publicKey;
    }

    /** The followers collection: how many, not who. */
    public String followers(String feed) {
        Map<String, Object> collection = collection(actors.followers(feed), "OrderedCollection");
        collection.put("totalItems", followers.count(feed));
        return activities.write(collection);
    }

    /** The outbox: how many Creates, and its first and last pages. */
    public String outbox(FeedDefinition definition) {
        String feed = definition.name();
        FeedService.Shown first = feeds.shown(definition, 1, PAGE_SIZE);
        Map<String, Object> outbox = collection(actors.outbox(feed), "OrderedCollection");
        outbox.put("totalItems", first.total());
        outbox.put("first", outboxPage(feed, 1));
        outbox.put("last", outboxPage(feed, Math.min(first.lastPage(), feeds.maxPage())));
        return activities.write(outbox);
    }

    /**
     * Page {@code page} of the outbox: the Creates of the feed's articles on it, newest first; empty for a page past
     * the last, or past the deepest numbered page of feeds.
     */
    public Optional<String> outboxPage(FeedDefinition definition, int page) {
        String feed = definition.name();
        FeedService.Shown shown;
        try {
            shown = feeds.shown(definition, page, PAGE_SIZE);
        } catch (FeedNotFoundException e) {
            return Optional.empty();
        }
        Map<String, Object> document = collection(outboxPage(feed, page), "OrderedCollectionPage");
        document.put("partOf", actors.outbox(feed));
        document.put("totalItems", shown.total());
        if (page > 1) {
            document.put("prev", outboxPage(feed, page - 1));
        }
        if (page < Math.min(shown.lastPage(), feeds.maxPage())) {
            document.put("next", outboxPage(feed, page + 1));
        }
        document.put("orderedItems", shown.articles().stream().map(article -> create(feed, article)).toList());
        return Optional.of(activities.write(document));
    }

    private Map<String, Object> create(String feed, StoredArticle article) {
        Note note = activities.note(feed, article);
        return activities.createObject(feed, note, activities.read(note.json()));
    }

    private String outboxPage(String feed, int page) {
        return actors.outbox(feed) + "?page=" + page;
    }

    private static Map<String, Object> collection(String id, String type) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("@context", Activities.STREAMS);
        collection.put("id", id);
        collection.put("type", type);
        return collection;
    }
}
