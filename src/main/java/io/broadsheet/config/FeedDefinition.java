package io.broadsheet.config;

import java.util.List;

/**
 * A feed: which articles it selects and how it presents them.
 *
 * @param name        the feed's name in {@code /feeds/{name}.{ext}}
 * @param title       the feed's title
 * @param description the feed's description; null to use the site's
 * @param categories  category slugs selected; empty with empty tags means every article
 * @param tags        tags selected (case-insensitive); an article matches a category or a tag
 * @param limit       the most items one document carries
 * @param content     full body or summary only
 * @param maxAge      seconds a client may reuse a copy: Cache-Control max-age, RSS ttl and sy:updateFrequency
 * @param access      public, or partner (served only with a partner key that grants it)
 */
public record FeedDefinition(
        String name,
        String title,
        String description,
        List<String> categories,
        List<String> tags,
        int limit,
        ContentMode content,
        int maxAge,
        Access access) {

    public FeedDefinition {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
    }

    /** True when only partners may read the feed. */
    public boolean partnerOnly() {
        return access == Access.PARTNER;
    }

    /** True when the feed selects every article. */
    public boolean selectsEverything() {
        return categories.isEmpty() && tags.isEmpty();
    }
}
