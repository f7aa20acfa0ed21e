/**
 * Broadsheet, a news syndication service. Entry points (feed.http, api, pages, newsroom, move) call capabilities
 * (feed, lifecycle, article, partner, category, stats, cdn, notify, cluster), which call storage, over a base of
 * config, input, http, clients, limits and tokens; web holds the HTTP infrastructure the entry points share.
 * Read {@link io.broadsheet.Application}, then {@link io.broadsheet.feed.http.FeedController}.
 */
package io.broadsheet;
