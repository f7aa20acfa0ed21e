/**
 * Media RSS (namespace {@code http://search.yahoo.com/mrss/}) for the RSS and Atom renderers: read
 * {@link io.broadsheet.feed.media.MediaRss}; {@link io.broadsheet.feed.media.ArticleMediaGenerator} writes the
 * pictures in article order.
 */
package io.broadsheet.feed.media;
