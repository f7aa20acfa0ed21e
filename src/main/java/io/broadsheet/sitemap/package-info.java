/**
 * Sitemaps for search engines and news aggregators: the sitemap index {@code /sitemap.xml}, its pages of article
 * URLs {@code /sitemaps/articles-N.xml} (each a range of article ids, so that any page costs what the first costs),
 * the news sitemap {@code /sitemaps/news.xml} (the last 48 hours, with Google's {@code news:} and {@code image:}
 * elements) and {@code /robots.txt} naming them. Only what a reader can open is listed: not withdrawn, published by
 * now (the feeds' rule). Documents are written through StAX ({@link io.broadsheet.sitemap.SitemapWriter}) straight
 * into gzip ({@link io.broadsheet.sitemap.SitemapBytes}), kept compressed within {@code broadsheet.sitemaps.cache-mib},
 * and dropped when a change touches their page ({@code ArticlesChanged}, {@code ClusterNotice}, an embargo lifting)
 * or when a news story turns 48 hours old ({@link io.broadsheet.sitemap.SitemapCache}); each name is rendered once
 * however many requests want it ({@link io.broadsheet.sitemap.SingleFlight}), one sitemap at a time in a render slot.
 * The SQL is in {@code io.broadsheet.storage.SitemapQueries}, the routes in {@code io.broadsheet.sitemap.http}. Read
 * {@link io.broadsheet.sitemap.Sitemaps} first.
 */
package io.broadsheet.sitemap;
