package io.broadsheet.fediverse;

/** A feed's Note of an article: its id, its JSON, and a SHA-256 hex digest of what a reader sees. */
public record Note(String id, String json, String digest) {
}
