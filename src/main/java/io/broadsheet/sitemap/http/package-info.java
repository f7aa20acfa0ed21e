/**
 * The sitemaps over HTTP: {@code /robots.txt}, {@code /sitemap.xml} and {@code /sitemaps/*} with validators, 304s
 * and gzip read by {@code io.broadsheet.http.Preconditions}, as feeds read them; an entry point above
 * {@code io.broadsheet.sitemap}, whose documents it serves, and beside the other routes under {@code web}'s problem
 * answers and API description parts. Read {@link io.broadsheet.sitemap.http.SitemapController}.
 */
package io.broadsheet.sitemap.http;
