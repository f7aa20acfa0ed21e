package io.broadsheet.pages;

import io.broadsheet.article.ArticleService;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.storage.Category;
import io.broadsheet.category.CategoryService;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedDirectory;
import io.broadsheet.feed.FeedNotFoundException;
import io.broadsheet.feed.FeedService;
import io.broadsheet.feed.json.JsonFeedRenderer;
import io.broadsheet.http.PageParameter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.broadsheet.limits.RendersFromDatabase;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The pages for readers: the home page, a category's stories, an article, and the JSON Feed extension docs. */
@Controller
@Produces(PageResponses.CONTENT_TYPE) // without it Micronaut routes produce JSON and answer Accept: text/html with 406
@ExecuteOn(TaskExecutors.BLOCKING)
@RendersFromDatabase // each page holds a render slot (503 with Retry-After when none comes in time)
public class PageController {

    /** Stories on the home page. */
    static final int LATEST = 12;
    /** Stories on each page of a category. */
    static final int PER_PAGE = 20;

    private final PageResponses responses;
    private final FeedService feeds;
    private final FeedDirectory directory;
    private final FeedLinks links;
    private final Stories stories;
    private final ArticlePage articlePage;
    private final ArticleService articles;
    private final CategoryService categories;
    private final FeedsConfig config;
    private final Clock clock;

    public PageController(PageResponses responses, FeedService feeds, FeedDirectory directory, FeedLinks links,
                          Stories stories, ArticlePage articlePage, ArticleService articles, CategoryService categories,
                          FeedsConfig config, Clock clock) {
        this.responses = responses;
        this.feeds = feeds;
        this.directory = directory;
        this.links = links;
        this.stories = stories;
        this.articlePage = articlePage;
        this.articles = articles;
        this.categories = categories;
        this.config = config;
        this.clock = clock;
    }

    @Get
    public HttpResponse<String> home(HttpRequest<?> request) {
        FeedDefinition all = feeds.definition(FeedService.ALL).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("latest", stories.of(feeds.shown(all, 1, LATEST).articles()));
        model.put("feeds", links.entries(directory.publicFeeds()));
        model.put("feedLinks", links.formats(FeedService.ALL, config.site().title()));
        model.put("fediverse", links.actor(FeedService.ALL));
        return responses.page(request, HttpStatus.OK, "home", model);
    }

    /** A category's stories, newest first, {@value #PER_PAGE} a page. */
    @Get("/categories/{slug}")
    public HttpResponse<String> category(String slug, HttpRequest<?> request) {
        int number = PageParameter.of(request.getParameters().getAll(PageParameter.NAME), feeds.maxPage());
        Optional<Category> category = categories.find(slug);
        if (category.isEmpty()) {
            return notFound(request);
        }
        FeedService.Shown shown;
        try {
            shown = feeds.shown(feeds.categoryFeed(category.get()), number, PER_PAGE);
        } catch (FeedNotFoundException e) { // only embargoed stories so far, or a page past the last
            return notFound(request);
        }
        return responses.page(request, HttpStatus.OK, "category", CategoryPage.model(category.get(), shown,
                stories.of(shown.articles()), links));
    }

    /** An article's page; embargoed articles are not shown before their time, withdrawn ones are gone (410). */
    @Get("/articles/{slug}")
    public HttpResponse<String> article(String slug, HttpRequest<?> request) {
        Optional<StoredArticle> found = articles.find(slug)
                .filter(a -> !a.article().publishedAt().isAfter(clock.instant()));
        if (found.isEmpty()) {
            return notFound(request);
        }
        var article = found.get().article();
        if (article.withdrawn()) {
            return responses.page(request, HttpStatus.GONE, "withdrawn", Map.of("withdrawnAt",
                    Dates.iso(article.withdrawnAt()), "withdrawnShown", Dates.shown(article.withdrawnAt()),
                    "reason", article.withdrawnReason()));
        }
        return responses.page(request, HttpStatus.OK, "article", articlePage.model(found.get()));
    }

    /** What the {@code _media} and {@code _withdrawn} members of our JSON Feeds mean (their {@code about} URL). */
    @Get(JsonFeedRenderer.MEDIA_DOCS_PATH)
    public HttpResponse<String> mediaExtension(HttpRequest<?> request) {
        return responses.page(request, HttpStatus.OK, "json-feed-media",
                Map.of("about", config.site().url(JsonFeedRenderer.MEDIA_DOCS_PATH)));
    }

    private HttpResponse<String> notFound(HttpRequest<?> request) {
        return responses.page(request, HttpStatus.NOT_FOUND, "error", PageErrors.model(HttpStatus.NOT_FOUND));
    }
}
