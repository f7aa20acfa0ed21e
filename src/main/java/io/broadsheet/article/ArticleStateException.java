package io.broadsheet.article;

/** A request that the article's current state does not allow, such as restoring an expired article (409). */
public class ArticleStateException extends RuntimeException {

    public ArticleStateException(String message) {
        super(message);
    }
}
