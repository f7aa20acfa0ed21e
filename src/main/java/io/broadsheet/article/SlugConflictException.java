package io.broadsheet.article;

/** Another article already has this slug. */
public class SlugConflictException extends RuntimeException {

    public SlugConflictException(String slug) {
        super("An article with the slug '" + slug + "' exists already; PUT /api/articles/" + slug
                + " replaces it, or choose another slug.");
    }
}
