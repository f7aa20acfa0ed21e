package io.broadsheet.article.model;

import java.util.List;

/**
 * An article with its children: images, authors and corrections from its row, categories and tags from theirs.
 *
 * @param categories category slugs in article order
 * @param tags       tags as sent, in article order
 */
public record StoredArticle(Article article, List<ArticleImage> images, List<ArticleAuthor> authors,
                            List<String> categories, List<String> tags) {

    public StoredArticle {
        images = List.copyOf(images);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }

    /** Its correction notices, oldest first. */
    public List<Correction> corrections() {
        return article.corrections();
    }

    /** The strong entity tag of this version: changes with every write. */
    public String etag() {
        return "\"" + article.id() + "-" + article.version() + "\"";
    }
}
