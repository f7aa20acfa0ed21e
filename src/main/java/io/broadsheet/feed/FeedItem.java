package io.broadsheet.feed;

import java.time.Instant;
import java.util.List;

/**
 * One article as a feed entry, format-neutral.
 *
 * @param id          stable tag: URI: RSS guid isPermaLink=false, Atom id, JSON Feed id
 * @param url         RSS link, Atom link rel=alternate, JSON Feed url
 * @param title       RSS title, Atom title, JSON Feed title (plain text)
 * @param summary     plain text teaser: RSS description, Atom summary, JSON Feed summary
 * @param contentHtml figures then body, or null in summary mode: RSS content:encoded, Atom content type=html,
 *                    JSON Feed content_html
 * @param published   RSS pubDate, Atom published, JSON Feed date_published
 * @param updated     Atom updated, JSON Feed date_modified
 * @param authors     RSS dc:creator each, Atom author, JSON Feed authors
 * @param categories  RSS category, Atom category term/label, JSON Feed tags
 * @param tags        RSS category, Atom category, JSON Feed tags
 * @param language    JSON Feed item language; Atom entry xml:lang when it differs from the feed's
 * @param images      in article order; the first is the lead: RSS enclosure and media:thumbnail,
 *                    JSON Feed image; every one a media:content (RSS, Atom) and an attachment (JSON Feed)
 * @param expires     the end of the article's usage window, or null: RSS and Atom dcterms:valid
 */
public record FeedItem(
        String id,
        String url,
        String title,
        String summary,
        String contentHtml,
        Instant published,
        Instant updated,
        List<FeedAuthor> authors,
        List<FeedCategory> categories,
        List<String> tags,
        String language,
        List<FeedImage> images,
        Instant expires) {

    public FeedItem {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        images = List.copyOf(images);
    }

    /** An item without a usage window. */
    public FeedItem(String id, String url, String title, String summary, String contentHtml, Instant published,
                    Instant updated, List<FeedAuthor> authors, List<FeedCategory> categories, List<String> tags,
                    String language, List<FeedImage> images) {
        this(id, url, title, summary, contentHtml, published, updated, authors, categories, tags, language, images, null);
    }

    /** The lead image, or null when the article has none. */
    public FeedImage leadImage() {
        return images.isEmpty() ? null : images.get(0);
    }
}
