package io.broadsheet.web;

import io.broadsheet.article.ArticleNotFoundException;
import io.broadsheet.article.ArticleService;
import io.broadsheet.article.StoredArticle;
import io.broadsheet.category.CategoryService;
import io.broadsheet.feed.json.JsonFeedRenderer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Clock;

/** The public HTML pages: home (feed list and discovery links), articles, and the JSON Feed extension docs. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SiteController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final SitePages pages;
    private final CategoryService categories;
    private final ArticleService articles;
    private final Clock clock;

    public SiteController(SitePages pages, CategoryService categories, ArticleService articles, Clock clock) {
        this.pages = pages;
        this.categories = categories;
        this.articles = articles;
        this.clock = clock;
    }

    @Get
    public HttpResponse<String> home() {
        return html(pages.home(categories.listPublic()));
    }

    /** An article's page; embargoed articles are not shown before their time, withdrawn ones are gone (410). */
    @Get("/articles/{slug}")
    public HttpResponse<String> article(String slug) {
        StoredArticle article = articles.find(slug)
                .filter(a -> !a.article().publishedAt().isAfter(clock.instant()))
                .orElseThrow(() -> new ArticleNotFoundException(slug));
        if (article.article().withdrawn()) {
            return HttpResponse.<String>status(HttpStatus.GONE).body(pages.withdrawn(article))
                    .header("Content-Type", HTML);
        }
        return html(pages.article(article));
    }

    @Get(JsonFeedRenderer.MEDIA_DOCS_PATH)
    public HttpResponse<String> mediaExtension() {
        return html(pages.mediaExtension());
    }

    private static HttpResponse<String> html(String page) {
        return HttpResponse.ok(page).header("Content-Type", HTML);
    }
}
