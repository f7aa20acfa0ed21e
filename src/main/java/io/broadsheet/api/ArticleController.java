package io.broadsheet.api;

import io.broadsheet.web.ApiDocs;
import io.broadsheet.article.ArticleView;
import io.broadsheet.web.Problem;
import io.broadsheet.article.ArticleImporter;
import io.broadsheet.article.ArticleJson;
import io.broadsheet.article.ImportResult;
import io.broadsheet.article.ArticleNotFoundException;
import io.broadsheet.article.ArticleParser;
import io.broadsheet.article.model.ArticleSelection;
import io.broadsheet.article.ArticleService;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedIndex;
import io.broadsheet.storage.FeedPageQueries;
import io.broadsheet.http.PageParameter;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.move.ArchiveExport;
import io.broadsheet.move.ArchiveImport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** The article API: create, replace or rename, read, list, delete, bulk import and export. */
@ApiDocs.Admin
@Tag(name = "Articles")
@Controller("/api/articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleController {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_PAGE_SIZE = 100;
    /** The deepest page whose first article's offset an int holds at the largest size. */
    private static final int MAX_PAGE = Integer.MAX_VALUE / MAX_PAGE_SIZE;

    private final ArticleService service;
    private final ArticleImporter importer;
    private final FeedsConfig config;
    private final RequestJson json;
    private final FeedPageQueries pages;
    private final ArchiveExport archiveExport;
    private final ArchiveImport archiveImport;

    ArticleController(ArticleService service, ArticleImporter importer, FeedsConfig config, RequestJson json,
                      FeedPageQueries pages, ArchiveExport archiveExport, ArchiveImport archiveImport) {
        this.archiveExport = archiveExport;
        this.archiveImport = archiveImport;
        this.pages = pages;
        this.service = service;
        this.importer = importer;
        this.config = config;
        this.json = json;
    }

    @Operation(operationId = "createArticle", summary = "Publish an article",
            description = "Stores a new article; its slug is made from the title unless the body names one. `409` when"
                    + " an article already has the slug (use `PUT /api/articles/{slug}` to replace it).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleJson.class)))
    @ApiDocs.ArticleCreated
    @ApiResponse(responseCode = "409", description = "An article already has this slug.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.JsonBody
    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<ArticleView> create(@Body byte[] body) {
        StoredArticle created = service.create(ArticleParser.parse(json.read(body)));
        return withEtag(HttpResponse.created(view(created), URI.create(location(created))), created);
    }

    @Operation(operationId = "putArticle", summary = "Create, replace or rename an article",
            description = "Creates the article at `slug` (`201`) or replaces it (`200`). A body naming another slug"
                    + " renames the article (its feed item id stays) and the answer's `Content-Location` gives the new"
                    + " address. A replace that changes nothing writes nothing: `version`, `updatedAt` and `ETag` stay.",
            parameters = @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = "An `ETag` of the article"
                    + " (or `*`): the write happens only if the article is still at that version, else `412`.",
                    schema = @Schema(type = "string")))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleJson.class)))
    @ApiDocs.ArticleReplaced
    @ApiDocs.ArticleCreated
    @ApiDocs.Stale
    @ApiResponse(responseCode = "409", description = "A rename's new slug belongs to another article.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.JsonBody
    @Put(value = "/{slug}", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<ArticleView> put(String slug, @Body byte[] body,
                                         @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonNode node = json.read(body);
        if (node.isObject() && (node.get("slug") == null || node.get("slug").isNull())) {
            node = withSlug(node, slug);
        }
        ArticleService.Written written = service.put(slug, ArticleParser.parse(node), ifMatch);
        MutableHttpResponse<ArticleView> response = written.created()
                ? HttpResponse.created(view(written.article()), URI.create(location(written.article())))
                : HttpResponse.ok(view(written.article()));
        if (!written.created() && !written.article().article().slug().equals(slug)) {
            response.header(HttpHeaders.CONTENT_LOCATION, location(written.article()));
        }
        return withEtag(response, written.article());
    }

    @Operation(operationId = "getArticle", summary = "Read an article",
            description = "Embargoed and withdrawn articles too.")
    @ApiDocs.ArticleAnswer
    @ApiDocs.NotFound
    @Get("/{slug}")
    public HttpResponse<ArticleView> get(String slug) {
        StoredArticle article = service.find(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        return withEtag(HttpResponse.ok(view(article)), article);
    }

    @Operation(operationId = "listArticles", summary = "List articles, newest first",
            description = "By `publishedAt`, embargoed articles included. A listing by category leaves withdrawn"
                    + " articles out; a listing by tag shows them with their `withdrawn` member.",
            parameters = {
                    @Parameter(name = "category", description = "A category slug.", schema = @Schema(type = "string")),
                    @Parameter(name = "tag", description = "A tag (any case).", schema = @Schema(type = "string")),
                    @Parameter(name = "page", description = "Counts from 1.",
                            schema = @Schema(type = "integer", minimum = "1", defaultValue = "1")),
                    @Parameter(name = "size", description = "Articles a page.", schema = @Schema(type = "integer",
                            minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "20"))})
    @ApiResponse(responseCode = "200", description = "A page of articles.", useReturnTypeSchema = true)
    @ApiDocs.BadQuery
    @Get
    public ArticleView.Page list(@Nullable @QueryValue String category, @Nullable @QueryValue String tag,
                                 @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                 HttpRequest<?> request) {
        // page is declared for the API description; PageParameter reads every value sent, to refuse a repeated one
        int pageNumber = PageParameter.of(request.getParameters().getAll(PageParameter.NAME), MAX_PAGE);
        int pageSize = positive(size, "size", 20, MAX_PAGE_SIZE);
        ArticleService.Page result;
        if (tag == null) { // the feeds' rows and counts hold every category's articles in order
            String key = category == null ? FeedIndex.ALL : FeedIndex.categoryKey(category);
            FeedPageQueries.Listing listing = pages.listing(key, pageSize, (long) (pageNumber - 1) * pageSize);
            result = new ArticleService.Page(service.findByIds(listing.ids()), listing.total());
        } else {
            ArticleSelection selection = new ArticleSelection(category == null ? List.of() : List.of(category),
                    List.of(tag), null);
            result = service.list(selection, pageNumber, pageSize);
        }
        return new ArticleView.Page(result.items().stream().map(this::view).toList(), pageNumber, pageSize,
                result.total());
    }

    /** Takes the article down: {@code {"reason": "..."}}; a tombstone replaces it in every feed that showed it. */
    @Operation(operationId = "withdrawArticle", summary = "Withdraw an article",
            description = "Takes the article down: out of every feed, where a tombstone carrying the reason takes its"
                    + " place, and its page answers `410`. Withdrawing a withdrawn article changes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleJson.Withdrawal.class)))
    @ApiDocs.ArticleAnswer
    @ApiDocs.JsonBody
    @ApiDocs.NotFound
    @Post(value = "/{slug}/withdraw", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<ArticleView> withdraw(String slug, @Body byte[] body) {
        StoredArticle article = service.withdraw(slug, ArticleParser.withdrawalReason(json.read(body)));
        return withEtag(HttpResponse.ok(view(article)), article);
    }

    /** Puts a withdrawn article back in its feeds, dated now. */
    @Operation(operationId = "restoreArticle", summary = "Restore a withdrawn article",
            description = "Back in its feeds, dated now, so that partners ingest it again. Restoring a live article"
                    + " changes nothing.")
    @ApiDocs.ArticleAnswer
    @ApiResponse(responseCode = "409", description = "Its `expiresAt` is past: replace the article with a later one"
            + " (or none) first.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.NotFound
    @Post("/{slug}/restore")
    public HttpResponse<ArticleView> restore(String slug) {
        StoredArticle article = service.restore(slug);
        return withEtag(HttpResponse.ok(view(article)), article);
    }

    @Operation(operationId = "deleteArticle", summary = "Delete an article",
            description = "Gone without a trace: no tombstone in the feeds, its page `404`. To take down a story that"
                    + " was published and may have been copied, withdraw it instead.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiDocs.NotFound
    @Delete("/{slug}")
    public HttpResponse<Void> delete(String slug) {
        service.delete(slug);
        return HttpResponse.noContent();
    }

    /**
     * Streams the body: lines are stored while the rest is still on its way, and memory does not grow with it.
     * With {@code preserve-ids=true}, an export fills an empty database under its ids ({@link ArchiveImport}).
     */
    @Operation(operationId = "importArticles", summary = "Import articles, one JSON article a line",
            description = "Each line is an `ArticleInput`, created or replaced by its slug; a bad line rejects only"
                    + " itself. The body is read as it arrives, in chunks of 1,000 lines, and may be of any size up to"
                    + " 64 GB. Takes what `GET /api/articles/export` writes. With `preserve-ids=true`, fills a database"
                    + " without articles or partner keys under the export's ids: each line needs `id`,"
                    + " `createdAt` and `updatedAt`, and the export's last line restores categories, feed states and"
                    + " partner keys.",
            parameters = @Parameter(name = "preserve-ids", in = ParameterIn.QUERY, description = "Keep the export's ids, dates and versions.",
                    schema = @Schema(type = "boolean", defaultValue = "false")))
    @RequestBody(required = true, description = "NDJSON: one `ArticleInput` object a line.",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "200", description = "What the import did.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "`preserve-ids` is neither `true` nor `false`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "The body is not sent as `application/x-ndjson`.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "With `preserve-ids=true`: the database already holds articles"
            + " or partner keys, or another such import is filling it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Post(value = "/import", consumes = NDJSON)
    public ImportResult importLines(HttpRequest<?> request,
                                                    @Nullable @QueryValue("preserve-ids") String preserveIds) {
        boolean keepIds = flag(preserveIds, "preserve-ids");
        try (BodyStream ndjson = BodyStream.of(((ServerHttpRequest<?>) request).byteBody().toByteArrayPublisher())) {
            return keepIds ? archiveImport.importKeepingIds(ndjson) : importer.importLines(ndjson);
        }
    }

    /** Every article, then the site's state, as NDJSON the import takes: written as it is read from the database. */
    @Operation(operationId = "exportArticles", summary = "Export every article and the site's state",
            description = "Streamed: every article by id, one a line in the import's shape plus `id`, `createdAt`,"
                    + " `updatedAt` and `version`; then one line `{\"site\": {nextArticleId, categories, feedStates,"
                    + " partnerKeys}}`.")
    @ApiResponse(responseCode = "200", description = "NDJSON.", content = @Content(mediaType = NDJSON,
            schema = @Schema(type = "string", format = "binary")))
    @Get(value = "/export", produces = NDJSON)
    public HttpResponse<InputStream> export() {
        return HttpResponse.ok(archiveExport.open()).contentType(NDJSON).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }


    private JsonNode withSlug(JsonNode node, String slug) {
        java.util.Map<String, JsonNode> members = new java.util.LinkedHashMap<>();
        node.entries().forEach(e -> members.put(e.getKey(), e.getValue()));
        members.put("slug", JsonNode.createStringNode(slug));
        return JsonNode.createObjectNode(members);
    }

    private static boolean flag(String value, String field) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InvalidInputException.of(field, "must be true or false, got '" + value + "'");
    }

    private static int positive(String value, String field, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of(field, "must be a whole number from 1 to " + max + ", got '" + value + "'");
    }

    private ArticleView view(StoredArticle article) {
        return ArticleView.of(article, config.site());
    }

    private static String location(StoredArticle article) {
        return "/api/articles/" + article.article().slug();
    }

    private static <T> MutableHttpResponse<T> withEtag(MutableHttpResponse<T> response, StoredArticle article) {
        return response.header(HttpHeaders.ETAG, article.etag());
    }
}
