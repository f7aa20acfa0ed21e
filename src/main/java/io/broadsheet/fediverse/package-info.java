/**
 * Following from the fediverse: every public feed is an ActivityPub actor that Mastodon users can follow
 * ({@code @world@news.example.com}), found through WebFinger, with an RSA key kept in the database, an inbox that
 * accepts signed Follows, and a delivery queue in the database that sends each article entering the feed as a
 * {@code Note} (then its updates and its deletion) to the followers' inboxes. HTTP Signatures are in
 * {@code io.broadsheet.fediverse.signature}, the routes in {@code io.broadsheet.fediverse.http}, the SQL in
 * {@code io.broadsheet.storage}.
 */
package io.broadsheet.fediverse;
