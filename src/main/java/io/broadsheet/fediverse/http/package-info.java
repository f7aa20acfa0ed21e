/**
 * The fediverse over HTTP: the actors' documents (actor, followers, outbox, notes), WebFinger and NodeInfo
 * ({@link io.broadsheet.fediverse.http.ActorController}, every GET route), with their media types, content
 * negotiation and caching; the documents themselves are made in {@code io.broadsheet.fediverse}.
 */
package io.broadsheet.fediverse.http;
