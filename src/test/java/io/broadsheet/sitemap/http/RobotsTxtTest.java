package io.broadsheet.sitemap.http;

import io.broadsheet.config.SiteConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** robots.txt names the routes crawlers leave alone where they are: under the base URL's path, if it has one. */
class RobotsTxtTest {

    private static SiteConfig site(String baseUrl) {
        return new SiteConfig("News", "All the news", baseUrl, "en", null, null, "Desk", "example.com", "2022");
    }

    @Test
    void aBaseUrlWithAPathPrefixesTheDisallowedRoutes() {
        assertEquals("User-agent: *\nDisallow: /news/api/\nDisallow: /news/newsroom\n\n"
                        + "Sitemap: https://example.com/news/sitemap.xml\n"
                        + "Sitemap: https://example.com/news/sitemaps/news.xml\n",
                SitemapController.robotsText(site("https://example.com/news")));
    }

    @Test
    void aBaseUrlAtTheHostRootDisallowsTheRootRoutes() {
        assertEquals("User-agent: *\nDisallow: /api/\nDisallow: /newsroom\n\n"
                        + "Sitemap: https://example.com/sitemap.xml\nSitemap: https://example.com/sitemaps/news.xml\n",
                SitemapController.robotsText(site("https://example.com")));
    }
}
