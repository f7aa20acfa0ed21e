/**
 * The fediverse over HTTP: the actors' documents (actor, followers, outbox, notes), WebFinger and NodeInfo
 * ({@link io.broadsheet.fediverse.http.ActorController}, every GET route), with their media types, content
 * negotiation and caching; the documents themselves are made in {@code io.broadsheet.fediverse}; and the inboxes' POST routes
 * ({@link io.broadsheet.fediverse.http.InboxController}), which hand each request, as its sender signed it, to
 * {@link io.broadsheet.fediverse.Inbox}.
 */
package io.broadsheet.fediverse.http;
