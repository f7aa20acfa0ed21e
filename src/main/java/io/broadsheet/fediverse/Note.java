package io.broadsheet.fediverse;

/**
 * An article as the fediverse sees it in one feed: an ActivityPub {@code Note}.
 *
 * @param id     the note's id, per feed ({@link Actors#noteId})
 * @param json   the Note object (without {@code @context}), as {@link Activities} embeds it
 * @param digest SHA-256 hex of what a reader sees (content, attachments, url, language): an edit that changes it
 *               sends an Update
 */
public record Note(String id, String json, String digest) {
}
