package io.broadsheet.storage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A category: every category has a feed named by its slug.
 *
 * @param slug        {@code [a-z0-9]+(-[a-z0-9]+)*}, the feed's name
 * @param name        display name: RSS category text, Atom category label, feed title
 * @param description feed description; null for the site's
 */
@MappedEntity("category")
public record Category(@Id @GeneratedValue @Nullable Long id, String slug, String name,
                       @Nullable String description) {

    /** The name a category gets when an article uses it first: its slug, capitalised, hyphens as spaces. */
    public static String defaultName(String slug) {
        String spaced = slug.replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
