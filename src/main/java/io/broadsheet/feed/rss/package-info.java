/** RSS 2.0 rendering: {@link io.broadsheet.feed.rss.RssFeedRenderer}. */
package io.broadsheet.feed.rss;
