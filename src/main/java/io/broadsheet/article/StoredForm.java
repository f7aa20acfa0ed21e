package io.broadsheet.article;

import io.broadsheet.article.model.ArticleInput;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.category.CategorySlugs;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.config.SiteConfig;
import jakarta.inject.Singleton;

/**
 * What an article as sent becomes before it is stored: its body sanitised, a {@code url} that is only the link the
 * server derives dropped (an answer sent back must not turn it into the article's own), its categories checked
 * against the feeds' names. Applied to every write, it is idempotent, so that an answer sent back compares equal.
 */
@Singleton
public class StoredForm {

    private final HtmlSanitiser sanitiser;
    private final SiteConfig site;
    private final CategorySlugs categorySlugs;

    public StoredForm(FeedsConfig config, CategorySlugs categorySlugs) {
        this.sanitiser = new HtmlSanitiser(config.site().baseUrl());
        this.site = config.site();
        this.categorySlugs = categorySlugs;
    }

    /** The input as it is stored; {@link io.broadsheet.input.InvalidInputException} for a category named like a feed. */
    public ArticleInput of(ArticleInput in) {
        categorySlugs.check(in.categories(), "categories");
        return withoutDerivedUrl(in.withBody(sanitiser.sanitise(in.body())));
    }

    /**
     * The stored article as a write would send it, compared with {@link #of(ArticleInput)}'s result to tell a write
     * that changes nothing: a row that holds the derived link as its own URL (stored before it was dropped) compares
     * equal to the input without it.
     */
    public ArticleInput of(StoredArticle stored) {
        return withoutDerivedUrl(ArticleInput.of(stored));
    }

    private ArticleInput withoutDerivedUrl(ArticleInput in) {
        return in.url() != null && in.url().equals(site.articleLink(in.slug())) ? in.withUrl(null) : in;
    }
}
