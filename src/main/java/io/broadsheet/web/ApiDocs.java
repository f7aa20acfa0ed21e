package io.broadsheet.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * The parts of the OpenAPI description that many calls share, each written once: who may call, and the
 * problem+json answers (RFC 9457, {@link Problem}) by status. A controller or method carries these annotations; the
 * openapi processor copies what they are annotated with into every operation they mark. And the JSON bodies the
 * controllers read by hand, described as records that nothing else uses.
 */
public final class ApiDocs {

    /** The security scheme of the admin token ({@link AdminTokenFilter}). */
    public static final String ADMIN_TOKEN = "adminToken";
    /** A partner key sent as {@code Authorization: Bearer <key>} ({@code feed.http.FeedController}). */
    public static final String PARTNER_TOKEN = "partnerToken";
    /** A partner key sent as {@code ?key=<key>}. */
    public static final String PARTNER_KEY = "partnerKey";
    /**
     * ninjs's media type as the description names it: with its charset, as served, since micronaut-openapi takes a
     * bare {@code application/json} for "not given" and puts the route's {@code *}{@code /*} in its place.
     */
    static final String NINJS_TYPE = "application/json; charset=utf-8";
    /** What one member of a ninjs feed's array is. */
    static final String NINJS = "An IPTC ninjs 3.3 object, valid against"
            + " http://www.iptc.org/std/ninjs/ninjs-schema_3.3.json (see docs/feeds.md).";

    private ApiDocs() {
    }

    /** Every call under {@code /api}: {@link AdminTokenFilter} asks for the admin token before the controller runs. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @SecurityRequirement(name = ADMIN_TOKEN)
    @ApiResponse(responseCode = "401", description = "No admin token: send `Authorization: Bearer <admin token>`.",
            headers = @Header(name = "WWW-Authenticate", description = "`Bearer realm=\"broadsheet\"`",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "The bearer token is not the admin token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "429", description = "Too many wrong admin tokens from this address (10 in 15 minutes),"
            + " or from all addresses (100 a minute) after this one sent one: the token was not compared.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = "integer")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Admin {
    }

    /**
     * A call that reads a JSON body by hand ({@link RequestJson}): its shape is checked member by member, and
     * {@link BodyLimitFilter} holds it to 2 MiB.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "Invalid input: not JSON, or members that break a rule;"
            + " `errors` names each broken member by its JSON path (`images[2].url`). Nothing was stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "411", description = "A chunked body without `Content-Length`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "The body is larger than 2 MiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "The body is not sent as `application/json`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface JsonBody {
    }

    /** A query parameter out of its range; {@code errors} names it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "400", description = "A query parameter is out of its range; `errors` names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface BadQuery {
    }

    /** The article, key or feed in the path does not exist. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "404", description = "Nothing exists at this path; `detail` says what was looked for.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    /**
     * What a feed request can answer ({@code feed.http.FeedController}, {@link FeedResponses}): the feed in the format its
     * extension names, a delta, not modified, or a problem.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "The feed (page) in full.",
            headers = {
                    @Header(name = "ETag", description = "Strong; the gzip copy has its own, ending in `-gzip`.",
                            schema = @Schema(type = "string")),
                    @Header(name = "Last-Modified", description = "When the feed's content last changed; withheld"
                            + " while that is the current second.", schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", description = "`public, max-age=N` (`private` for a partner feed).",
                            schema = @Schema(type = "string")),
                    @Header(name = "Content-Encoding", description = "`gzip` when `Accept-Encoding` allows it.",
                            schema = @Schema(type = "string")),
                    @Header(name = "Link", description = "`<hub>; rel=\"hub\"` for each WebSub hub,"
                            + " `<feed URL>; rel=\"self\"`, and the RFC 5005 pages: `first`, `previous`, `next`,"
                            + " `last`.", schema = @Schema(type = "string")),
                    @Header(name = "Surrogate-Key", description = "Cache keys a CDN purges by, separated by spaces"
                            + " (public feeds).", schema = @Schema(type = "string")),
                    @Header(name = "Cache-Tag", description = "The same keys, separated by commas.",
                            schema = @Schema(type = "string"))},
            content = {
                    @Content(mediaType = "application/rss+xml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/feed+json", schema = @Schema(type = "string")),
                    @Content(mediaType = NINJS_TYPE, array = @ArraySchema(schema = @Schema(type = "object",
                            description = NINJS))),
                    @Content(mediaType = "text/html", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "226", description = "IM Used (RFC 3229): only the first page's items published or"
            + " updated since the version `If-None-Match` named, with `A-IM: feed`. `IM: feed`,"
            + " `Cache-Control: no-store, im`.",
            headers = {
                    @Header(name = "ETag", description = "The current version.", schema = @Schema(type = "string")),
                    @Header(name = "IM", description = "`feed`", schema = @Schema(type = "string"))},
            content = {
                    @Content(mediaType = "application/rss+xml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/feed+json", schema = @Schema(type = "string")),
                    @Content(mediaType = NINJS_TYPE, array = @ArraySchema(schema = @Schema(type = "object",
                            description = NINJS)))})
    @ApiResponse(responseCode = "304", description = "Not modified: `If-None-Match` matches (either coding's `ETag`,"
            + " or `*`), or, without it, nothing changed since `If-Modified-Since`. No body; the same `ETag`,"
            + " `Cache-Control` and `Last-Modified`.",
            headers = @Header(name = "ETag", description = "The current version.", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "`page` is not a number.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such feed, format or page (a category that only embargoed"
            + " articles use is not revealed, nor is a partner feed to a request without a key that grants it).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface FeedAnswers {
    }

    /** An answer carrying the article as it is stored now, with its version. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "The article as it is stored now.", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", description = "The article's version, for `If-Match`.",
                    schema = @Schema(type = "string")))
    public @interface ArticleAnswer {
    }

    /** An article created by the call. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "201", description = "Created: the article as stored.", useReturnTypeSchema = true,
            headers = {
                    @Header(name = "Location", description = "`/api/articles/{slug}`", schema = @Schema(type = "string")),
                    @Header(name = "ETag", description = "The article's version, for `If-Match`.",
                            schema = @Schema(type = "string"))})
    public @interface ArticleCreated {
    }

    /** An article replaced, renamed or left as it was by a {@code PUT}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "200", description = "Replaced, or unchanged when the body holds what is stored: the"
            + " article as it is stored now.", useReturnTypeSchema = true,
            headers = {
                    @Header(name = "ETag", description = "The article's version, for `If-Match`.",
                            schema = @Schema(type = "string")),
                    @Header(name = "Content-Location", description = "After a rename: `/api/articles/{new slug}`.",
                            schema = @Schema(type = "string"))})
    public @interface ArticleReplaced {
    }

    /** A write guarded by {@code If-Match} that found another version. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "412", description = "`If-Match` names another version, or there is no article at"
            + " this slug to match. Nothing was changed.",
            headers = @Header(name = "ETag", description = "The current version, when the article exists.",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public @interface Stale {
    }

    /** The body of {@code PUT /api/categories/{slug}} ({@link CategoryController}). */
    @Schema(name = "CategoryInput", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
            description = "`slug` and `feeds` are accepted and ignored, so that a listed category can be sent back.")
    public record CategoryInput(
            @Schema(description = "Plain text: the category's name in feed titles and on the home page.",
                    requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "Europe")
            String name,
            @Schema(description = "Plain text: the description of the category's feed.", maxLength = 5_000)
            String description,
            @Schema(description = "Ignored.") String slug,
            @Schema(description = "Ignored.") Object feeds) {
    }

    /** The body of {@code POST /api/partners} ({@link PartnerController}). */
    @Schema(name = "PartnerKeyInput", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record PartnerKeyInput(
            @Schema(description = "Plain text: who the key is for.", requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = 200, example = "Agence Example")
            String name,
            @ArraySchema(minItems = 1, maxItems = 100, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Names of the partner feeds (`access: partner` in feeds-config) the key opens."),
                    schema = @Schema(example = "agency-wire"))
            List<String> feeds) {
    }
}
