package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.input.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;

/**
 * What a verified activity does: a Follow stores the follower and queues its Accept, an Undo of a Follow removes
 * it, a Delete of the actor removes it from every feed; each in one transaction, so a failure leaves nothing
 * half-done. Anything else changes nothing.
 */
@Singleton
class InboxActions {

    private final Actors actors;
    private final FeedsConfig config;
    private final Followers followers;
    private final Activities activities;
    private final DeliveryQueue deliveries;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    InboxActions(Actors actors, FeedsConfig config, Followers followers, Activities activities, DeliveryQueue deliveries,
                 TransactionOperations<Connection> transactions, Clock clock) {
        this.actors = actors;
        this.config = config;
        this.followers = followers;
        this.activities = activities;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Does what the activity asks of {@code feed}'s inbox (null: the shared inbox); false when nothing changed. */
    boolean apply(@Nullable String feed, IncomingActivity activity, ActorDocument signer) {
        return switch (activity.type()) {
            case "Follow" -> follow(feed, activity, signer);
            case "Undo" -> undo(activity);
            case "Delete" -> Inbox.isSelfDelete(activity) && followers.removeActor(activity.actor()) > 0;
            default -> false;
        };
    }

    private boolean follow(@Nullable String feed, IncomingActivity follow, ActorDocument signer) {
        String target = followedFeed(feed, follow.objectId());
        if (follow.id() == null) {
            throw InvalidInputException.of("id", "a Follow must have an id (the Accept names it)");
        }
        if (follow.id().length() > ActorDocument.MAX_URL) {
            throw InvalidInputException.of("id", "must be at most " + ActorDocument.MAX_URL + " characters");
        }
        transactions.executeWrite(status -> {
            followers.follow(target, signer.id(), signer.inbox(), signer.sharedInbox(), follow.id(), clock.instant());
            deliveries.enqueue(target, activities.acceptId(target, follow.id()), "Accept",
                    activities.accept(target, follow.json()), List.of(signer.inbox()));
            return null;
        });
        return true;
    }

    /** The feed a Follow's object names: the inbox's own feed, or for the shared inbox any feed actor of this site. */
    private String followedFeed(@Nullable String feed, String object) {
        if (feed != null) {
            if (!actors.actorId(feed).equals(object)) {
                throw new FeedNotFoundException("This inbox is the feed actor " + actors.actorId(feed) + "'s; the Follow's"
                        + " object " + RemoteActors.abbreviated(String.valueOf(object)) + " is not it.");
            }
            return feed;
        }
        String candidate = feedNamed(object);
        if (candidate == null) {
            throw new FeedNotFoundException("The Follow's object " + RemoteActors.abbreviated(String.valueOf(object))
                    + " is no feed actor of this site: only public feeds can be followed.");
        }
        return candidate;
    }

    /** The public feed whose actor id is {@code object}, or null. */
    @Nullable
    String feedNamed(@Nullable String object) {
        String prefix = config.site().url("/fediverse/");
        if (object == null || !object.startsWith(prefix)) {
            return null;
        }
        String name = object.substring(prefix.length());
        return !name.isEmpty() && name.indexOf('/') < 0 && actors.actorId(name).equals(object) && actors.isActor(name)
                ? name : null;
    }

    /** Undo of a Follow, named by its id or embedded; another Undo changes nothing. */
    private boolean undo(IncomingActivity undo) {
        JsonNode object = undo.object();
        if (object != null && object.isString()) {
            return followers.unfollowByFollowId(undo.actor(), object.getStringValue()) > 0;
        }
        if (!"Follow".equals(undo.objectType())) {
            return false;
        }
        String followActor = IncomingActivity.idOf(object.get("actor"));
        if (followActor != null && !followActor.equals(undo.actor())) {
            throw new SenderRefusedException("The Undo's actor " + RemoteActors.abbreviated(undo.actor())
                    + " cannot undo a Follow by " + RemoteActors.abbreviated(followActor) + ".");
        }
        String feed = feedNamed(IncomingActivity.idOf(object.get("object")));
        if (feed != null) {
            return followers.unfollow(feed, undo.actor());
        }
        String followId = ActorDocument.text(object.get("id"));
        return followId != null && followers.unfollowByFollowId(undo.actor(), followId) > 0;
    }
}
