package io.broadsheet.pages;

/**
 * A story in a list (the home page, a category's page): its title linked to its page, its date, its teaser and its
 * lead picture.
 *
 * @param url       its page on this site
 * @param published RFC 3339, for {@code <time datetime>}
 * @param lead      the lead picture, or null
 */
public record Story(String title, String url, String published, String publishedShown, String summary, Figure lead) {
}
