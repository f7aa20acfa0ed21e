package io.broadsheet.article;

/** No article has this slug. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(String slug) {
        super("No article has the slug '" + slug + "'.");
    }
}
