package io.broadsheet.api;

import io.broadsheet.web.ApiDocs;
import io.broadsheet.article.ArticleParser;
import io.broadsheet.storage.Category;
import io.broadsheet.category.CategoryService;
import io.broadsheet.category.CategorySlugs;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.input.InvalidInputException;
import io.broadsheet.input.JsonFields;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists categories with their feed URLs, and sets a category's name and description. */
@ApiDocs.Admin
@Tag(name = "Categories")
@Controller("/api/categories")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CategoryController {

    private final CategoryService categories;
    private final FeedsConfig config;
    private final RequestJson json;
    private final CategorySlugs slugs;

    CategoryController(CategoryService categories, FeedsConfig config, RequestJson json, CategorySlugs slugs) {
        this.categories = categories;
        this.slugs = slugs;
        this.config = config;
        this.json = json;
    }

    /** A category and its feed in every format. */
    @Serdeable
    @Schema(name = "Category")
    public record CategoryView(String slug, String name, String description, Map<String, String> feeds) {
    }

    @Operation(operationId = "listCategories", summary = "List the categories",
            description = "Every category with its name, description and feed URLs by format (`rss`, `atom`, `json`).")
    @ApiResponse(responseCode = "200", description = "Every category.", useReturnTypeSchema = true)
    @Get
    public List<CategoryView> list() {
        return categories.list().stream().map(this::view).toList();
    }

    @Operation(operationId = "describeCategory", summary = "Name and describe a category",
            description = "Creates the category if need be. Every feed shows category names, so a change is a change"
                    + " of every feed. `400` also when the slug in the path is not a category slug, or is the name of a feed"
                    + " (`all` or a named feed of the configuration).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiDocs.CategoryInput.class)))
    @ApiResponse(responseCode = "200", description = "Changed: the category.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "201", description = "Created: the category.", useReturnTypeSchema = true)
    @ApiDocs.JsonBody
    @Put(value = "/{slug}", consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<CategoryView> put(String slug, @Body byte[] body) {
        if (!ArticleParser.SLUG.matcher(slug).matches() || slug.length() > 100) {
            throw InvalidInputException.of("slug", "must be a category slug ([a-z0-9]+(-[a-z0-9]+)*, at most 100 characters)");
        }
        slugs.refusal(slug).ifPresent(reason -> {
            throw InvalidInputException.of("slug", reason);
        });
        JsonNode node = json.readObject(body, "{\"name\": ..., \"description\": ...}");
        JsonFields f = new JsonFields();
        f.rejectUnknown(node, "", Set.of("name", "description"), Set.of("slug", "feeds"));
        String name = f.text(node, "name", "name", 200, true);
        String description = f.text(node, "description", "description", 5_000, false);
        if (!f.errors().isEmpty()) {
            throw new InvalidInputException(f.errors());
        }
        boolean created = categories.describe(slug, name.strip(), description);
        CategoryView view = view(categories.find(slug).orElseThrow());
        return created ? HttpResponse.created(view) : HttpResponse.ok(view);
    }

    private CategoryView view(Category category) {
        Map<String, String> feeds = new LinkedHashMap<>();
        Arrays.stream(FeedFormat.values()).forEach(format -> feeds.put(format.extension(),
                config.site().url("/feeds/" + category.slug() + "." + format.extension())));
        return new CategoryView(category.slug(), category.name(), category.description(), feeds);
    }
}
