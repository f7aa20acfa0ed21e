package io.broadsheet.fediverse.http;

import io.broadsheet.config.FeedDefinition;
import io.broadsheet.fediverse.ActorDocuments;
import io.broadsheet.fediverse.Actors;
import io.broadsheet.fediverse.Discovery;
import io.broadsheet.fediverse.NoteLookup;
import io.broadsheet.http.PageParameter;
import io.broadsheet.input.FieldError;
import io.broadsheet.limits.RendersFromDatabase;
import io.broadsheet.web.ApiDocs;
import io.broadsheet.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Every GET route of the fediverse: each public feed's actor, followers, outbox and notes, WebFinger and NodeInfo.
 * ActivityPub documents are {@value ActivityAnswers#ACTIVITY_JSON}; a browser asking for an actor is sent to the
 * feed's page. Spec: https://www.w3.org/TR/activitypub/, https://www.rfc-editor.org/rfc/rfc7033
 */
@Tag(name = "Fediverse")
@Controller
@Produces(MediaType.ALL)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ActorController {

    private final Actors actors;
    private final ActorDocuments documents;
    private final NoteLookup notes;
    private final Discovery discovery;
    private final ActivityAnswers answers;

    public ActorController(Actors actors, ActorDocuments documents, NoteLookup notes, Discovery discovery,
                           ActivityAnswers answers) {
        this.actors = actors;
        this.documents = documents;
        this.notes = notes;
        this.discovery = discovery;
        this.answers = answers;
    }

    @Operation(operationId = "getActor", summary = "A public feed's ActivityPub actor",
            description = "A `Service` named after the feed, with its inbox, outbox, followers, shared inbox and RSA"
                    + " public key. Asked for with `Accept: text/html` first (a browser), `303` to the feed's page.",
            parameters = @Parameter(name = "feed", description = "A public feed: `all`, a public named feed or a category.",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The actor.", content = @Content(
            mediaType = ActivityAnswers.ACTIVITY_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "303", description = "A browser: `Location` is the feed's page.")
    @ApiResponse(responseCode = "304", description = "The copy named by `If-None-Match` is current.")
    @ApiDocs.NotFound
    @Get("/fediverse/{feed}")
    public HttpResponse<?> actor(String feed, HttpRequest<?> request) {
        FeedDefinition definition = actors.definition(feed).orElse(null);
        if (definition == null) {
            return ActivityAnswers.noActor(feed);
        }
        if (ActivityAnswers.prefersHtml(request)) {
            return HttpResponse.seeOther(URI.create(actors.page(feed))).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        return answers.activity(request, documents.actor(definition), ActivityAnswers.LONG)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    @Operation(operationId = "getFollowers", summary = "How many follow a feed's actor",
            description = "An `OrderedCollection` with `totalItems` and no items.")
    @ApiResponse(responseCode = "200", description = "The followers collection.", content = @Content(
            mediaType = ActivityAnswers.ACTIVITY_JSON, schema = @Schema(type = "object")))
    @ApiDocs.NotFound
    @Get("/fediverse/{feed}/followers")
    public HttpResponse<?> followers(String feed, HttpRequest<?> request) {
        if (!actors.isActor(feed)) {
            return ActivityAnswers.noActor(feed);
        }
        return answers.activity(request, documents.followers(feed), ActivityAnswers.SHORT);
    }

    @Operation(operationId = "getOutbox", summary = "A feed's Creates, newest first",
            description = "Without `page`: an `OrderedCollection` with `totalItems`, `first` and `last`. With it: that"
                    + " `OrderedCollectionPage` of " + ActorDocuments.PAGE_SIZE + " `Create` activities, each embedding"
                    + " its `Note`, from the feed's own rows (as its pages). Pages stop where the feed's numbered pages do.",
            parameters = @Parameter(name = "page", description = "From 1.", schema = @Schema(type = "integer", minimum = "1")))
    @ApiResponse(responseCode = "200", description = "The outbox, or one page of it.", content = @Content(
            mediaType = ActivityAnswers.ACTIVITY_JSON, schema = @Schema(type = "object")))
    @ApiDocs.BadQuery
    @ApiResponse(responseCode = "404", description = "No such feed, or a page past the last; `errors` names `page`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get("/fediverse/{feed}/outbox{?page}")
    @RendersFromDatabase
    public HttpResponse<?> outbox(String feed, @Nullable @QueryValue String page, HttpRequest<?> request) {
        FeedDefinition definition = actors.definition(feed).orElse(null);
        if (definition == null) {
            return ActivityAnswers.noActor(feed);
        }
        List<String> pages = request.getParameters().getAll(PageParameter.NAME);
        if (pages.isEmpty()) {
            return answers.activity(request, documents.outbox(definition), ActivityAnswers.SHORT);
        }
        int number = PageParameter.of(pages, Integer.MAX_VALUE);
        Optional<String> document = documents.outboxPage(definition, number);
        if (document.isEmpty()) {
            return new Problem("about:blank", "Not Found", 404, "The outbox of '" + feed + "' has no page " + number + ".",
                    List.of(new FieldError(PageParameter.NAME, "past the outbox's last page, got " + number))).toResponse();
        }
        return answers.activity(request, document.get(), ActivityAnswers.SHORT);
    }

    @Operation(operationId = "getNote", summary = "An article as a feed's Note",
            description = "The `Note` while the article is in the feed; once it is withdrawn, `410` with a `Tombstone`.",
            parameters = @Parameter(name = "articleId", description = "The article's id.", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The Note.", content = @Content(
            mediaType = ActivityAnswers.ACTIVITY_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "410", description = "The article was withdrawn: a `Tombstone` with the note's id.",
            content = @Content(mediaType = ActivityAnswers.ACTIVITY_JSON, schema = @Schema(type = "object")))
    @ApiDocs.NotFound
    @Get("/fediverse/{feed}/notes/{articleId}")
    @RendersFromDatabase
    public HttpResponse<?> note(String feed, String articleId, HttpRequest<?> request) {
        long id = ActivityAnswers.articleId(articleId);
        Optional<NoteLookup.Found> found = id > 0 && actors.isActor(feed) ? notes.find(feed, id) : Optional.empty();
        if (found.isEmpty()) {
            return Problem.of(HttpStatus.NOT_FOUND, "No note '" + ActivityAnswers.echo(articleId) + "' of feed '"
                    + ActivityAnswers.echo(feed) + "'.").toResponse();
        }
        if (found.get().gone()) {
            return answers.gone(found.get().json());
        }
        return answers.activity(request, found.get().json(), ActivityAnswers.SHORT);
    }

    @Operation(operationId = "getWebFinger", summary = "WebFinger: the actor of acct:{feed}@{host}",
            description = "For every public feed: `subject`, `aliases` (the actor and the feed's page) and `links`"
                    + " (`self` to the actor, the profile page). The resource may also be the actor's URL.",
            parameters = @Parameter(name = Discovery.RESOURCE, description = "`acct:world@news.example.com` or an actor's URL.",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "The JRD.", content = @Content(
            mediaType = ActivityAnswers.JRD, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "400", description = "`resource` is missing or malformed; `errors` names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.NotFound
    @Get("/.well-known/webfinger{?resource}")
    public HttpResponse<?> webfinger(@Nullable @QueryValue String resource, HttpRequest<?> request) {
        Optional<String> jrd = discovery.webfinger(resource);
        if (jrd.isEmpty()) {
            return ActivityAnswers.cors(Problem.of(HttpStatus.NOT_FOUND, "No actor is named by this resource.").toResponse());
        }
        return ActivityAnswers.cors(answers.json(request, jrd.get(), ActivityAnswers.JRD, ActivityAnswers.LONG));
    }

    @Operation(operationId = "getNodeInfoLinks", summary = "Where NodeInfo is",
            description = "Links NodeInfo 2.1's schema to `/nodeinfo/2.1`.")
    @ApiResponse(responseCode = "200", description = "The links.", content = @Content(
            mediaType = ActivityAnswers.JSON, schema = @Schema(type = "object")))
    @Get("/.well-known/nodeinfo")
    public HttpResponse<?> nodeinfoLinks(HttpRequest<?> request) {
        return ActivityAnswers.cors(answers.json(request, discovery.nodeinfoLinks(), ActivityAnswers.JSON,
                ActivityAnswers.LONG));
    }

    @Operation(operationId = "getNodeInfo", summary = "NodeInfo 2.1: what this server is",
            description = "The software (`broadsheet`), ActivityPub, RSS and Atom out, no registrations; its users are"
                    + " the actors (public feeds), its local posts the articles.")
    @ApiResponse(responseCode = "200", description = "The NodeInfo document.", content = @Content(
            mediaType = ActivityAnswers.NODEINFO, schema = @Schema(type = "object")))
    @Get("/nodeinfo/2.1")
    @RendersFromDatabase
    public HttpResponse<?> nodeinfo(HttpRequest<?> request) {
        return ActivityAnswers.cors(answers.json(request, discovery.nodeinfo(), ActivityAnswers.NODEINFO,
                ActivityAnswers.LONG));
    }
}
