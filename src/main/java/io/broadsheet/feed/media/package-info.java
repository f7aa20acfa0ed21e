/**
 * Media RSS (namespace {@code http://search.yahoo.com/mrss/}) for the RSS and Atom renderers: read
 * {@link io.broadsheet.feed.media.MediaRss}.
 */
package io.broadsheet.feed.media;
