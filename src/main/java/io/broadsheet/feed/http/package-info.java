/**
 * Feed answers over HTTP, everything between a poll and the cached bytes: the route
 * ({@link io.broadsheet.feed.http.FeedController}), the response fields and conditional answers
 * ({@link io.broadsheet.feed.http.FeedResponses}), the event loop's fast path for cached feeds and its Netty handler,
 * the HTML view browsers get, and the header parsing they share. Read {@link io.broadsheet.feed.http.FeedController}
 * first, then {@link io.broadsheet.feed.http.FeedFastPath}.
 */
package io.broadsheet.feed.http;
