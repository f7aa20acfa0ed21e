package io.broadsheet.feed;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One feed document, format-neutral: what every renderer turns into bytes.
 *
 * @param name        feed name, as in {@code /feeds/{name}.rss}
 * @param title       RSS title, Atom title, JSON Feed title
 * @param description RSS description, Atom subtitle, JSON Feed description
 * @param homePageUrl RSS link, Atom link rel=alternate type=text/html, JSON Feed home_page_url
 * @param selfUrlBase self URL without the extension: RSS atom:link rel=self, Atom link rel=self, JSON Feed feed_url
 * @param id          Atom id (a stable tag: URI); RSS and JSON Feed have none
 * @param updated     newest change of any item: RSS lastBuildDate, Atom updated; JSON Feed has none
 * @param language    RSS language, Atom xml:lang, JSON Feed language
 * @param icon        RSS image, Atom icon and logo, JSON Feed icon and favicon; may be null
 * @param copyright   RSS copyright, Atom rights; may be null
 * @param generator   RSS generator, Atom generator
 * @param author      Atom feed author (entries without one inherit it); JSON Feed feed-level authors
 * @param items       newest first
 */
public record Feed(
        String name,
        String title,
        String description,
        String homePageUrl,
        String selfUrlBase,
        String id,
        Instant updated,
        String language,
        URI icon,
        String copyright,
        String generator,
        FeedAuthor author,
        List<FeedItem> items) {

    public Feed {
        items = List.copyOf(items);
    }

    /** The URL this document is served at in a given format. */
    public String selfUrl(FeedFormat format) {
        return selfUrlBase + "." + format.extension();
    }
}
