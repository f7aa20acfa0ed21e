package io.broadsheet.fediverse.http;

import io.broadsheet.config.FeedsConfig;
import io.broadsheet.fediverse.FediverseSettings;
import io.broadsheet.fediverse.Inbox;
import io.broadsheet.fediverse.signature.IncomingRequest;
import io.broadsheet.web.BodyTooLargeException;
import io.broadsheet.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/**
 * The fediverse inboxes (POST only): a feed actor's own, {@code /fediverse/{feed}/inbox}, and the shared one,
 * {@code /fediverse/inbox}. The body is bounded by {@code BodyLimitFilter} before it is read; {@link Inbox} decides.
 */
@Tag(name = "Fediverse")
@Controller("/fediverse")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InboxController {

    static final String ACTIVITY_JSON = "application/activity+json";
    static final String LD_JSON = "application/ld+json";
    /** What a sender may ask for in Accept (a delivery names activity+json, as Broadsheet's own does): the answer is
     *  202 without a body, or problem+json. */
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String ACTIVITY = "An ActivityStreams activity, signed; `application/json` is taken too.";
    private static final String ACCEPTED = "Accepted: done (a Follow's Accept is queued), or ignored.";

    private final Inbox inbox;
    private final int maxBytes;
    private final String scheme;
    private final String basePath;
    private final String baseAuthority;

    public InboxController(Inbox inbox, FeedsConfig config, FediverseSettings settings) {
        this.inbox = inbox;
        this.maxBytes = settings.inboxMaxBytes();
        URI base = URI.create(config.site().baseUrl());
        this.scheme = base.getScheme();
        this.basePath = base.getRawPath() == null ? "" : base.getRawPath();
        this.baseAuthority = base.getRawAuthority();
    }

    @Operation(operationId = "postFeedInbox", summary = "A feed actor's inbox: Follow, Undo of a Follow, Delete of an account",
            description = "Takes a signed ActivityPub activity (HTTP Signatures: draft-cavage rsa-sha256 with a signed"
                    + " `Digest`, as Mastodon signs, or RFC 9421). A `Follow` of this feed's actor stores the follower"
                    + " and queues a signed `Accept` to its inbox; `Undo` of a Follow removes it; `Delete` of the signing"
                    + " actor removes it from every feed; any other well-signed activity is accepted and ignored.")
    @RequestBody(required = true, description = ACTIVITY, content = {@Content(mediaType = ACTIVITY_JSON,
            schema = @Schema(type = "object")), @Content(mediaType = LD_JSON, schema = @Schema(type = "object"))})
    @ApiResponse(responseCode = "202", description = ACCEPTED)
    @InboxAnswers
    @Post(value = "/{feed}/inbox", consumes = {ACTIVITY_JSON, LD_JSON, MediaType.APPLICATION_JSON},
            produces = {ACTIVITY_JSON, LD_JSON, MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public HttpResponse<?> feedInbox(String feed, HttpRequest<?> request, @Nullable @Body byte[] body) {
        inbox.receive(feed, incoming(request, body));
        return HttpResponse.accepted();
    }

    @Operation(operationId = "postSharedInbox", summary = "The shared inbox of every feed actor",
            description = "As a feed's inbox, for activities addressed to any feed actor of this site (a `Follow`"
                    + " names the followed actor as its `object`).")
    @RequestBody(required = true, description = ACTIVITY, content = {@Content(mediaType = ACTIVITY_JSON,
            schema = @Schema(type = "object")), @Content(mediaType = LD_JSON, schema = @Schema(type = "object"))})
    @ApiResponse(responseCode = "202", description = ACCEPTED)
    @InboxAnswers
    @Post(value = "/inbox", consumes = {ACTIVITY_JSON, LD_JSON, MediaType.APPLICATION_JSON},
            produces = {ACTIVITY_JSON, LD_JSON, MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public HttpResponse<?> sharedInbox(HttpRequest<?> request, @Nullable @Body byte[] body) {
        inbox.receive(null, incoming(request, body));
        return HttpResponse.accepted();
    }

    /**
     * The request as its sender signed it: the site's scheme and path prefix (a proxy in front may strip the base
     * URL's path), the Host it was sent to, and the body.
     */
    private IncomingRequest incoming(HttpRequest<?> request, @Nullable byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (bytes.length > maxBytes) {
            throw new BodyTooLargeException(bytes.length, maxBytes, "An activity is far smaller.");
        }
        URI uri = request.getUri();
        String pathAndQuery = basePath + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String authority = request.getHeaders().get(HttpHeaders.HOST);
        return new IncomingRequest(request.getMethodName(), scheme, authority == null ? baseAuthority : authority,
                pathAndQuery, name -> request.getHeaders().getAll(name), bytes);
    }

    /** The answers of both inboxes. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "The body is not an activity: not JSON, or without `type` or"
            + " `actor`, or a Follow without `id`; `errors` names the member.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "401", description = "Unsigned, or the signature does not verify (another key, a changed"
            + " body, a stale `Date`), or the signer's key could not be fetched; nothing changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The sender's domain is blocked, or the signer is not the"
            + " activity's actor; nothing changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No public feed of that name, or a Follow of something that is no"
            + " feed actor of this site.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "411", description = "A chunked body without `Content-Length`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "The body is larger than `broadsheet.fediverse.inbox-max-bytes`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests from this address (`Retry-After`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "The remote key fetches this instance allows at once are all"
            + " taken; try again after `Retry-After`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface InboxAnswers {
    }
}
