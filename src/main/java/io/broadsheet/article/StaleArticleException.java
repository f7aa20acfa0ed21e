package io.broadsheet.article;

/** An If-Match precondition names a version that is no longer current. */
public class StaleArticleException extends RuntimeException {

    private final String currentEtag;

    public StaleArticleException(String slug, String currentEtag) {
        super(currentEtag == null
                ? "The article '" + slug + "' does not exist, so If-Match cannot match."
                : "The article '" + slug + "' has changed since you read it (its ETag is now " + currentEtag
                        + "); GET it again and reapply your change.");
        this.currentEtag = currentEtag;
    }

    /** The ETag of the current version, or null when there is none. */
    public String currentEtag() {
        return currentEtag;
    }
}
