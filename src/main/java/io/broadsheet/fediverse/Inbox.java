package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.fediverse.signature.HttpSignatures;
import io.broadsheet.fediverse.signature.IncomingRequest;
import io.broadsheet.fediverse.signature.SignatureException;
import io.broadsheet.fediverse.signature.SignedMessage;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.metrics.BroadsheetMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The inboxes: a feed actor's own and the shared one. A request is read as an activity, its HTTP Signature checked
 * with the signer's key ({@link RemoteActors}), the signer must be the activity's actor and not on a blocked domain;
 * then {@link InboxActions} does what a Follow, an Undo of a Follow or a Delete of the actor asks, and any other
 * activity is ignored. Every request is counted by type and outcome.
 */
@Singleton
public class Inbox {

    private final Actors actors;
    private final RemoteActors remote;
    private final InboxActions actions;
    private final Followers followers;
    private final FeedsConfig config;
    private final JsonMapper json;
    private final BroadsheetMetrics metrics;
    private final Clock clock;

    public Inbox(Actors actors, RemoteActors remote, InboxActions actions, Followers followers, FeedsConfig config,
                 JsonMapper json, BroadsheetMetrics metrics, Clock clock) {
        this.actors = actors;
        this.remote = remote;
        this.actions = actions;
        this.followers = followers;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Handles a request to {@code feed}'s inbox, or to the shared inbox when {@code feed} is null; returns normally
     * when it is accepted (202), else throws what the answer is.
     */
    public void receive(@Nullable String feed, IncomingRequest request) {
        String type = "other";
        try {
            if (feed != null && !actors.isActor(feed)) {
                throw new FeedNotFoundException("No feed actor is named '" + feed + "': only public feeds can be followed.");
            }
            IncomingActivity activity = IncomingActivity.parse(request.body(), json);
            type = activity.type();
            metrics.fediverseInbox(type, verifiedAndApplied(feed, request, activity) ? "accepted" : "ignored");
        } catch (RuntimeException e) {
            metrics.fediverseInbox(type, outcome(e));
            throw e;
        }
    }

    /**
     * Checks the signature and does what the activity asks; true when something changed. The Delete of an account
     * whose own actor URL answers 404 or 410 (its key can no longer be fetched, Mastodon still signs with it) removes
     * it: only the actor's own server can make that URL answer so.
     */
    private boolean verifiedAndApplied(@Nullable String feed, IncomingRequest request, IncomingActivity activity) {
        ActorDocument signer;
        try {
            signer = verifiedSigner(feed, request, activity);
        } catch (ActorGoneException gone) {
            if (isSelfDelete(activity) && gone.url().equals(activity.actor())) {
                return followers.removeActor(activity.actor()) > 0;
            }
            throw gone;
        }
        return signer != null && actions.apply(feed, activity, signer);
    }

    /**
     * Checks the signature and the signer, and returns the signer's document; null when there is nothing to check
     * because there is nothing to do (the Delete of an account no feed knows, which Mastodon sends to every server
     * it ever talked to).
     */
    private ActorDocument verifiedSigner(@Nullable String feed, IncomingRequest request, IncomingActivity activity) {
        SignedMessage signed = read(request);
        String keyHost = ActorDocument.host(signed.keyId());
        if (config.blocksDomain(keyHost) || config.blocksDomain(ActorDocument.host(activity.actor()))) {
            throw new SenderRefusedException("The sender's domain " + (config.blocksDomain(keyHost) ? keyHost
                    : ActorDocument.host(activity.actor())) + " is blocked here; nothing was done.");
        }
        if (isSelfDelete(activity) && remote.cached(signed.keyId()) == null && !followers.follows(activity.actor())) {
            return null;
        }
        String signer = feed != null ? feed : FeedsConfig.ALL;
        ActorDocument document = remote.key(signed.keyId(), signer);
        try {
            signed.verify(document.key(), clock.instant());
        } catch (SignatureException e) {
            if (!remote.mayHaveRotated(document)) {
                throw new UnverifiedRequestException(e.getMessage());
            }
            document = remote.fetch(signed.keyId(), signer);
            verify(signed, document);
        }
        if (!document.id().equals(activity.actor())) {
            throw new SenderRefusedException("The request is signed by " + document.id() + " but its actor is "
                    + RemoteActors.abbreviated(activity.actor()) + ": an actor signs its own activities.");
        }
        return document;
    }

    private void verify(SignedMessage signed, ActorDocument document) {
        try {
            signed.verify(document.key(), clock.instant());
        } catch (SignatureException e) {
            throw new UnverifiedRequestException(e.getMessage());
        }
    }

    private static SignedMessage read(IncomingRequest request) {
        try {
            return HttpSignatures.read(request);
        } catch (SignatureException e) {
            throw new UnverifiedRequestException(e.getMessage());
        }
    }

    static boolean isSelfDelete(IncomingActivity activity) {
        return "Delete".equals(activity.type()) && activity.actor().equals(activity.objectId());
    }

    private static String outcome(RuntimeException e) {
        if (e instanceof UnverifiedRequestException) {
            return "unverified";
        }
        if (e instanceof SenderRefusedException) {
            return "refused";
        }
        if (e instanceof InvalidInputException) {
            return "invalid";
        }
        if (e instanceof FeedNotFoundException) {
            return "unknown";
        }
        return e instanceof KeyFetchesBusyException ? "busy" : "failed";
    }
}
