/**
 * Feeds: the format-neutral model ({@link io.broadsheet.feed.Feed}, {@link io.broadsheet.feed.FeedItem},
 * {@link io.broadsheet.feed.FeedImage}), its assembly from articles ({@link io.broadsheet.feed.FeedAssembler}),
 * and one {@link io.broadsheet.feed.FeedRenderer} per {@link io.broadsheet.feed.FeedFormat} in the subpackages.
 * Read {@link io.broadsheet.feed.FeedService} first. Which feeds hold which article is kept at write time by
 * {@link io.broadsheet.feed.FeedIndex} and read by {@link io.broadsheet.feed.FeedPageQueries}, so that a page costs
 * the same whatever the archive's size; the release timer (lifecycle) lifts embargoes.
 */
package io.broadsheet.feed;
