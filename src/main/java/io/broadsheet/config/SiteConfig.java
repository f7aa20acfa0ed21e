package io.broadsheet.config;

import java.net.URI;

/**
 * Site metadata from {@code feeds-config/broadsheet.yml}, shared by every feed.
 *
 * @param title       channel title of {@code all}; prefix of every category feed's title
 * @param description RSS description, Atom subtitle, JSON Feed description
 * @param baseUrl     absolute base of every link, self link and default article URL (no trailing slash)
 * @param language    RSS language, Atom xml:lang, JSON Feed language
 * @param icon        optional: RSS image, Atom icon and logo, JSON Feed icon and favicon
 * @param copyright   optional: RSS copyright, Atom rights
 * @param author      feed-level author, used by Atom when an entry names none
 * @param idAuthority authority of every {@code tag:} id (RFC 4151); defaults to the base URL's host
 * @param idDate      date of every {@code tag:} id (RFC 4151), e.g. {@code 2022} or {@code 2022-03-17}
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        URI icon,
        String copyright,
        String author,
        String idAuthority,
        String idDate) {

    /** The absolute URL of a path on this site; {@code path} starts with a slash. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** The link of an article without a URL of its own: its page on this site, which follows its slug. */
    public String articleLink(String slug) {
        return url("/articles/" + slug);
    }

    /** A stable RFC 4151 tag URI, e.g. {@code tag:news.example.com,2022:article:42}. */
    public String tagUri(String specific) {
        return "tag:" + idAuthority + "," + idDate + ":" + specific;
    }

    /** The base URL's host, with its port when it has one: the domain of every fediverse handle. */
    public String authority() {
        return URI.create(baseUrl).getRawAuthority();
    }

    /** The ActivityPub actor of a public feed: {@code {base}/fediverse/{feed}}. */
    public String fediverseActor(String feed) {
        return url("/fediverse/" + feed);
    }

    /** How the fediverse names a public feed's actor: {@code @world@news.example.com}. */
    public String fediverseHandle(String feed) {
        return "@" + feed + "@" + authority();
    }
}
