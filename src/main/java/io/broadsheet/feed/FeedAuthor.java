package io.broadsheet.feed;

/**
 * A person or agency credited with an article.
 *
 * @param name RSS dc:creator, Atom author/name, JSON Feed authors[].name
 * @param url  Atom author/uri, JSON Feed authors[].url; may be null
 */
public record FeedAuthor(String name, String url) {
}
