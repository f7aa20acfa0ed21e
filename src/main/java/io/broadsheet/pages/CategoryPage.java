package io.broadsheet.pages;

import io.broadsheet.storage.Category;
import io.broadsheet.feed.FeedService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The model of a category's page: its stories a page at a time, with links to the pages before and after. */
final class CategoryPage {

    private CategoryPage() {
    }

    static Map<String, Object> model(Category category, FeedService.Shown shown, List<Story> stories, FeedLinks links) {
        String first = links.categoryUrl(category.slug());
        Map<String, Object> model = new HashMap<>();
        model.put("name", category.name());
        model.put("description", category.description());
        model.put("stories", stories);
        model.put("page", shown.page());
        model.put("lastPage", shown.lastPage());
        model.put("total", shown.total());
        model.put("pageUrl", url(first, shown.page()));
        model.put("prevUrl", shown.page() > 1 ? url(first, shown.page() - 1) : null);
        model.put("nextUrl", shown.page() < shown.lastPage() ? url(first, shown.page() + 1) : null);
        model.put("feedLinks", links.formats(category.slug(), feedTitle(links, category)));
        model.put("fediverse", links.actor(category.slug()));
        return model;
    }

    /** Page 1 is the category's address itself, so that it has one URL. */
    private static String url(String first, int page) {
        return page == 1 ? first : first + "?page=" + page;
    }

    private static String feedTitle(FeedLinks links, Category category) {
        return links.siteTitle() + " \u2014 " + category.name();
    }
}
