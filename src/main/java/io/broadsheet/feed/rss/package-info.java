/**
 * RSS 2.0 rendering: {@link io.broadsheet.feed.rss.RssFeedRenderer}, written by ROME under Broadsheet's own feed type
 * ({@link io.broadsheet.feed.rss.RssGenerator}).
 */
package io.broadsheet.feed.rss;
