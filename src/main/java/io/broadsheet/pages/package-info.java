/**
 * The pages for readers: the home page (latest stories and every public feed), a category's stories, an article
 * (with its social cards and JSON-LD), the JSON Feed extension docs, the OPML list of feeds, the styled pages
 * of errors, and the page a browser gets for a feed's URL ({@link io.broadsheet.pages.FeedPage}, served by
 * feed.http.BrowserView). Controllers build a model; Thymeleaf templates in {@code src/main/resources/views} (sharing
 * {@code layout.html}) turn it into HTML, escaping every value but an article's stored, sanitised body; assets come
 * from {@code public/assets}, never from a CDN. Read {@link io.broadsheet.pages.PageController} first, then
 * {@link io.broadsheet.pages.PageResponses} (rendering, caching and security headers).
 */
package io.broadsheet.pages;
