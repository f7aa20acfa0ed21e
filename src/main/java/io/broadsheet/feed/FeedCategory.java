package io.broadsheet.feed;

/**
 * A category of an item.
 *
 * @param term  Atom category term (the slug)
 * @param label RSS category text, Atom category label, JSON Feed tag
 */
public record FeedCategory(String term, String label) {
}
