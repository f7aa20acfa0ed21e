/**
 * Feeds: the format-neutral model ({@link io.broadsheet.feed.Feed}, {@link io.broadsheet.feed.FeedItem},
 * {@link io.broadsheet.feed.FeedImage}), its assembly from articles ({@link io.broadsheet.feed.FeedAssembler}),
 * and one {@link io.broadsheet.feed.FeedRenderer} per {@link io.broadsheet.feed.FeedFormat} in the subpackages.
 * Read {@link io.broadsheet.feed.FeedService} first. Which feeds hold which article is decided at write time by
 * {@link io.broadsheet.feed.FeedIndex} and read by {@link io.broadsheet.storage.FeedPageQueries}, so that a page costs
 * the same whatever the archive's size; the release timer (lifecycle) lifts embargoes. No SQL here: the rows are
 * written and read through the repositories of {@code io.broadsheet.storage} ({@code FeedItemRepository},
 * {@code FeedCounts}, {@code FeedStateRepository}, {@code FeedVersionRepository}).
 */
package io.broadsheet.feed;
