/**
 * The fediverse over HTTP: the inboxes' POST routes ({@link io.broadsheet.fediverse.http.InboxController}), which hand
 * each request, as its sender signed it, to {@link io.broadsheet.fediverse.Inbox}.
 */
package io.broadsheet.fediverse.http;
