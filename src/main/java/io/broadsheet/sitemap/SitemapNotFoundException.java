package io.broadsheet.sitemap;

/** No sitemap has this name (a page past the last, an empty page, or a name no sitemap has). */
public class SitemapNotFoundException extends RuntimeException {

    public SitemapNotFoundException(String name) {
        super("No sitemap is named '" + name + "': /sitemap.xml lists the pages /sitemaps/articles-N.xml there are,"
                + " and /sitemaps/news.xml holds the last two days' articles.");
    }
}
