package io.broadsheet.category;

import java.time.Instant;

/** A category's name or description was set; its name labels items in every feed. */
public record CategoryDescribed(String slug, Instant at) {
}
