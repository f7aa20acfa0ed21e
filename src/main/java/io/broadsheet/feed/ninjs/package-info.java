/**
 * IPTC ninjs 3.3 rendering for partners' and syndication desks' ingest: {@link io.broadsheet.feed.ninjs.NinjsFeedRenderer}
 * (read first) turns the neutral feed into a JSON array of ninjs objects, field for field in
 * {@link io.broadsheet.feed.ninjs.NinjsDocument}.
 */
package io.broadsheet.feed.ninjs;
