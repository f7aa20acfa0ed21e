package io.broadsheet.article;

import io.broadsheet.input.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a bulk import did ({@link ArticleImporter}).
 *
 * @param unchanged     lines that matched their stored article exactly: nothing was written for them
 * @param rejected      the first {@value ArticleImporter#REJECTED_LISTED} rejected lines
 * @param rejectedCount every rejected line
 * @param siteRestored  with preserve-ids: whether the export's site line was read and its state restored;
 *                      otherwise null
 */
@Serdeable
public record ImportResult(int created, int updated, int unchanged, List<Rejected> rejected, int rejectedCount,
                           @Nullable Boolean siteRestored) {

    /** The same result, saying whether the site line's state was restored. */
    public ImportResult withSiteRestored(boolean restored) {
        return new ImportResult(created, updated, unchanged, rejected, rejectedCount, restored);
    }

    /** A line that was not stored, and why. */
    @Serdeable
    public record Rejected(int line, String slug, List<FieldError> errors) {
    }
}
