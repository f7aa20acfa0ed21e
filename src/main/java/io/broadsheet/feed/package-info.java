/**
 * Feeds: the format-neutral model ({@link io.broadsheet.feed.Feed}, {@link io.broadsheet.feed.FeedItem},
 * {@link io.broadsheet.feed.FeedImage}), its assembly from articles ({@link io.broadsheet.feed.FeedAssembler}),
 * and one {@link io.broadsheet.feed.FeedRenderer} per {@link io.broadsheet.feed.FeedFormat} in the subpackages.
 * Read {@link io.broadsheet.feed.FeedService} first.
 */
package io.broadsheet.feed;
