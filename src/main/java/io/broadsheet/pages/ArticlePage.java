package io.broadsheet.pages;

import io.broadsheet.article.model.Correction;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.category.CategoryService;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedCategory;
import io.broadsheet.feed.FeedItem;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model of an article's page: what readers see (pictures with caption, credit and copyright, the stored
 * sanitised body, correction notices) and what machines read (canonical link, feed discovery, Open Graph,
 * Twitter card, JSON-LD).
 * Specs: https://ogp.me/, https://developer.x.com/en/docs/x-for-websites/cards/overview/markup
 */
@Singleton
public class ArticlePage {

    private final FeedsConfig config;
    private final Stories stories;
    private final FeedLinks links;
    private final CategoryService categories;
    private final JsonLd jsonLd;

    public ArticlePage(FeedsConfig config, Stories stories, FeedLinks links, CategoryService categories, JsonLd jsonLd) {
        this.config = config;
        this.stories = stories;
        this.links = links;
        this.categories = categories;
        this.jsonLd = jsonLd;
    }

    /** A name with a link, or none. */
    public record Link(String text, String url) {
    }

    /** A correction notice: when (RFC 3339 and as a day) and what. */
    public record Notice(String at, String day, String text) {
    }

    /** A {@code <meta>} of Open Graph ({@code property}) or of the Twitter card ({@code name}). */
    public record Meta(String key, String content) {
    }

    /** The page's model. */
    public Map<String, Object> model(StoredArticle stored) {
        FeedItem item = stories.item(stored, categories.namesBySlug());
        String canonical = item.url();
        List<Figure> figures = stored.images().stream().map(Figure::of).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", item.title());
        model.put("summary", item.summary());
        model.put("published", Dates.iso(item.published()));
        model.put("publishedShown", Dates.shown(item.published()));
        boolean updated = item.updated().isAfter(item.published());
        model.put("updated", updated ? Dates.iso(item.updated()) : null);
        model.put("updatedShown", updated ? Dates.shown(item.updated()) : null);
        model.put("authors", item.authors().stream().map(a -> new Link(a.name(), a.url())).toList());
        model.put("categories", item.categories().stream()
                .map(c -> new Link(c.label(), links.categoryUrl(c.term()))).toList());
        model.put("figures", figures);
        // the stored body was sanitised on write (HtmlSanitiser): the one value a template writes unescaped
        model.put("bodyHtml", inPage(Objects.requireNonNullElse(stored.article().body(), "")));
        model.put("corrections", stored.corrections().stream()
                .map(c -> new Notice(Dates.iso(c.at()), Correction.day(c.at()), c.text())).toList());
        model.put("canonical", canonical);
        List<FeedLinks.Format> discovery = new ArrayList<>();
        for (FeedCategory category : item.categories()) {
            discovery.addAll(links.formats(category.term(), config.site().title() + " \u2014 " + category.label()));
        }
        model.put("feedLinks", discovery);
        model.put("openGraph", openGraph(item, canonical, figures));
        model.put("twitter", twitter(item, figures));
        model.put("jsonLd", jsonLd.newsArticle(config.site(), item, canonical, figures));
        return model;
    }

    private List<Meta> openGraph(FeedItem item, String canonical, List<Figure> figures) {
        List<Meta> og = new ArrayList<>();
        og.add(new Meta("og:type", "article"));
        og.add(new Meta("og:title", item.title()));
        og.add(new Meta("og:description", item.summary()));
        og.add(new Meta("og:url", canonical));
        og.add(new Meta("og:site_name", config.site().title()));
        if (!figures.isEmpty()) {
            Figure lead = figures.get(0);
            og.add(new Meta("og:image", lead.src()));
            if (lead.width() != null) {
                og.add(new Meta("og:image:width", lead.width().toString()));
            }
            if (lead.height() != null) {
                og.add(new Meta("og:image:height", lead.height().toString()));
            }
            og.add(new Meta("og:image:alt", lead.alt()));
        }
        og.add(new Meta("article:published_time", Dates.iso(item.published())));
        og.add(new Meta("article:modified_time", Dates.iso(item.updated())));
        item.categories().stream().findFirst().ifPresent(c -> og.add(new Meta("article:section", c.label())));
        item.tags().forEach(tag -> og.add(new Meta("article:tag", tag)));
        return og;
    }

    private static List<Meta> twitter(FeedItem item, List<Figure> figures) {
        List<Meta> card = new ArrayList<>();
        card.add(new Meta("twitter:card", figures.isEmpty() ? "summary" : "summary_large_image"));
        card.add(new Meta("twitter:title", item.title()));
        card.add(new Meta("twitter:description", item.summary()));
        if (!figures.isEmpty()) {
            card.add(new Meta("twitter:image", figures.get(0).src()));
            card.add(new Meta("twitter:image:alt", figures.get(0).alt()));
        }
        return card;
    }

    /**
     * The body as the page shows it under the article's own h1: its headings one level down (an h1 of the body
     * becomes an h2, down to h6), and an empty alt on a picture that came without one (feeds carry the body as stored).
     */
    static String inPage(String body) {
        if (!body.contains("<h") && !body.contains("<img")) {
            return body;
        }
        Element root = Jsoup.parseBodyFragment(body).body();
        for (int level = 5; level >= 1; level--) {
            root.select("h" + level).tagName("h" + (level + 1));
        }
        root.select("img:not([alt])").attr("alt", "");
        return root.html();
    }
}
