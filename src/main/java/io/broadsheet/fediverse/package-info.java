/**
 * Following from the fediverse: every public feed is an ActivityPub actor that Mastodon users can follow
 * ({@code @world@news.example.com}), found through WebFinger, with an RSA key kept in the database, an inbox that
 * accepts signed Follows, and a delivery queue in the database that sends each article entering the feed as a
 * {@code Note} (then its updates and its deletion) to the followers' inboxes. HTTP Signatures are in
 * {@code io.broadsheet.fediverse.signature}, the routes in {@code io.broadsheet.fediverse.http}, the SQL in
 * {@code io.broadsheet.storage}.
 *
 * <p>Publishing and delivery: {@link io.broadsheet.fediverse.Publisher} decides, in the writing transaction, what an
 * article's change sends to each feed's followers and queues it ({@link io.broadsheet.fediverse.DeliveryQueue}),
 * under a savepoint so that a failure of publishing never fails the write;
 * {@link io.broadsheet.fediverse.Deliverer} is each instance's worker that takes due deliveries under a lease, and
 * {@link io.broadsheet.fediverse.DeliveryAttempt} sends one and settles its outcome (delivered, retried with backoff,
 * given up, dropped); {@link io.broadsheet.fediverse.DeliveryLog} keeps the latest failures for the newsroom.
 */
package io.broadsheet.fediverse;
