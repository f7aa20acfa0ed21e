package io.broadsheet.web;

import io.broadsheet.article.ArticleImporter;
import io.broadsheet.article.ImportResult;
import io.broadsheet.article.ArticleNotFoundException;
import io.broadsheet.article.ArticleParser;
import io.broadsheet.article.ArticleSelection;
import io.broadsheet.article.ArticleService;
import io.broadsheet.article.StoredArticle;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedPageQueries;
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

import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** The article API: create, replace or rename, read, list, delete, bulk import and export. */
@Controller("/api/articles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ArticleController {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_PAGE_SIZE = 100;

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

    @Post(consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<ArticleView> create(@Body byte[] body) {
        StoredArticle created = service.create(ArticleParser.parse(json.read(body)));
        return withEtag(HttpResponse.created(view(created), URI.create(location(created))), created);
    }

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

    @Get("/{slug}")
    public HttpResponse<ArticleView> get(String slug) {
        StoredArticle article = service.find(slug).orElseThrow(() -> new ArticleNotFoundException(slug));
        return withEtag(HttpResponse.ok(view(article)), article);
    }

    @Get
    public ArticleView.Page list(@Nullable @QueryValue String category, @Nullable @QueryValue String tag,
                                 @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        int pageNumber = positive(page, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = positive(size, "size", 20, MAX_PAGE_SIZE);
        ArticleService.Page result;
        if (tag == null) { // the feeds' rows and counts hold every category's articles in order
            FeedPageQueries.Listing listing = pages.listing(category, pageSize, (long) (pageNumber - 1) * pageSize);
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
    @Post(value = "/{slug}/withdraw", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<ArticleView> withdraw(String slug, @Body byte[] body) {
        StoredArticle article = service.withdraw(slug, ArticleParser.withdrawalReason(json.read(body)));
        return withEtag(HttpResponse.ok(view(article)), article);
    }

    /** Puts a withdrawn article back in its feeds, dated now. */
    @Post("/{slug}/restore")
    public HttpResponse<ArticleView> restore(String slug) {
        StoredArticle article = service.restore(slug);
        return withEtag(HttpResponse.ok(view(article)), article);
    }

    @Delete("/{slug}")
    public HttpResponse<Void> delete(String slug) {
        service.delete(slug);
        return HttpResponse.noContent();
    }

    /**
     * Streams the body: lines are stored while the rest is still on its way, and memory does not grow with it.
     * With {@code preserve-ids=true}, an export fills an empty database under its ids ({@link ArchiveImport}).
     */
    @Post(value = "/import", consumes = NDJSON)
    public ImportResult importLines(HttpRequest<?> request,
                                                    @Nullable @QueryValue("preserve-ids") String preserveIds) {
        boolean keepIds = flag(preserveIds, "preserve-ids");
        try (BodyStream ndjson = BodyStream.of(((ServerHttpRequest<?>) request).byteBody().toByteArrayPublisher())) {
            return keepIds ? archiveImport.importKeepingIds(ndjson) : importer.importLines(ndjson);
        }
    }

    /** Every article, then the site's state, as NDJSON the import takes: written as it is read from the database. */
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
