package io.broadsheet.article;

import io.broadsheet.article.model.Correction;
import io.broadsheet.input.JsonFields;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.time.Instant;
import java.util.List;

/**
 * The article JSON that {@link ArticleParser} reads, described for the API's OpenAPI document: nothing reads or writes
 * this record, the parser works on the JSON tree. Its limits are the parser's own constants; ApiDescriptionTest checks
 * its members against what the parser accepts.
 */
@Schema(name = "ArticleInput", requiredProperties = {"title", "categories", "publishedAt"}, additionalProperties = AdditionalPropertiesValue.FALSE,
        description = "An article as written. Unknown members are refused, so a misspelt one never goes unnoticed."
                + " Text must not contain characters XML 1.0 forbids (control characters other than tab, LF and CR,"
                + " U+FFFE, U+FFFF, lone surrogates). The members the server sets or derives (`id`, `link`,"
                + " `createdAt`, `updatedAt`, `version`, `withdrawn`, `corrections`) are read-only: accepted and"
                + " ignored, so that an answer sent back as it is changes nothing (no new version, no new `updatedAt`,"
                + " no new feed `ETag`); an import with `preserve-ids=true` keeps them instead, except `link`.")
public record ArticleJson(
        @Schema(description = "Lower-case words of letters and digits joined by single hyphens. Default: made from"
                + " the title. In a `PUT`, a slug other than the path's renames the article.",
                pattern = ArticleJson.SLUG, maxLength = ArticleParser.MAX_SLUG, example = "kosovo-asks-biden-again")
        String slug,
        @Schema(description = "Plain text, stored as sent and escaped on output.", requiredMode = RequiredMode.REQUIRED,
                maxLength = ArticleParser.MAX_TITLE, example = "Kosovo Asks Biden To Support NATO Bid")
        String title,
        @Schema(description = "Plain text: the teaser.", maxLength = ArticleParser.MAX_SUMMARY)
        String summary,
        @Schema(description = "HTML, sanitised on write: paragraphs, links (`http`, `https`, `mailto`), lists, quotes,"
                + " emphasis, headings, tables, images and `figure`/`figcaption` stay; scripts, styles, iframes and"
                + " event handlers go; relative URLs are made absolute against the site's base URL.",
                maxLength = ArticleParser.MAX_BODY)
        String body,
        @Schema(description = "The article's own page; leave it out for `{base-url}/articles/{slug}`, a page"
                + " Broadsheet serves (a `url` equal to that address is not kept as the article's own).",
                format = "uri", maxLength = JsonFields.MAX_URL)
        String url,
        @Schema(description = "Read-only, derived: where feeds and pages link the article (its `url`, or"
                + " `{base-url}/articles/{slug}`); ignored.", accessMode = Schema.AccessMode.READ_ONLY, format = "uri")
        String link,
        @ArraySchema(maxItems = ArticleParser.MAX_AUTHORS, arraySchema = @Schema(description = "People or agencies."))
        List<Author> authors,
        @ArraySchema(minItems = 1, maxItems = ArticleParser.MAX_CATEGORIES,
                arraySchema = @Schema(description = "Category slugs, at least one; an unknown one is created on first use.",
                        requiredMode = RequiredMode.REQUIRED),
                schema = @Schema(pattern = ArticleJson.SLUG, maxLength = 100, example = "world"))
        List<String> categories,
        @ArraySchema(maxItems = ArticleParser.MAX_TAGS,
                arraySchema = @Schema(description = "Free tags; the same tag in another case counts once."),
                schema = @Schema(maxLength = 100, example = "NATO"))
        List<String> tags,
        @Schema(description = "A BCP 47 language tag. Default: the site's language.", maxLength = 35,
                pattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", example = "en")
        String language,
        @ArraySchema(maxItems = ArticleParser.MAX_IMAGES, arraySchema = @Schema(description = "Pictures, in order;"
                + " the first is the lead picture."))
        List<Image> images,
        @Schema(description = "RFC 3339 with an offset. In the future: embargoed, out of every feed until then.",
                requiredMode = RequiredMode.REQUIRED, example = "2022-03-17T09:42:00Z")
        Instant publishedAt,
        @Schema(description = "The end of the usage window: after `publishedAt`, and in the future when written."
                + " At that instant the article is withdrawn with the reason `expired`.")
        Instant expiresAt,
        @Schema(description = "Plain text: a dated correction notice added by this write. Only on a replace (`PUT`"
                + " of an existing article); not blank.", maxLength = ArticleParser.MAX_CORRECTION)
        String correction,
        @Schema(description = "Set by the server; ignored, except by an import with `preserve-ids=true`, where it is"
                + " required.", minimum = "1")
        Long id,
        @Schema(description = "Set by the server; ignored, except by an import with `preserve-ids=true`, where it is"
                + " required.")
        Instant createdAt,
        @Schema(description = "Set by the server; ignored, except by an import with `preserve-ids=true`, where it is"
                + " required.")
        Instant updatedAt,
        @Schema(description = "Set by the server; ignored, except by an import with `preserve-ids=true`.", minimum = "0")
        Long version,
        Withdrawn withdrawn,
        @ArraySchema(arraySchema = @Schema(description = "Set by the server: the correction notices, oldest first;"
                + " ignored, except by an import with `preserve-ids=true`."))
        List<Correction> corrections) {

    /** What {@link ArticleParser#SLUG} matches, anchored as JSON Schema patterns are not. */
    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /** A person or agency. */
    @Schema(name = "AuthorInput", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Author(
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200, example = "AFP") String name,
            @Schema(format = "uri", maxLength = JsonFields.MAX_URL, example = "https://www.afp.com") String url) {
    }

    /** A picture with its caption, credit and rights. */
    @Schema(name = "ImageInput", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Image(
            @Schema(description = "Absolute `http` or `https`; non-ASCII is percent-encoded.",
                    requiredMode = RequiredMode.REQUIRED, format = "uri", maxLength = JsonFields.MAX_URL)
            String url,
            @Schema(description = "An `image/*` media type.", pattern = "^image/[a-z0-9][a-z0-9.+-]*$", maxLength = 100,
                    example = "image/jpeg")
            String mimeType,
            @Schema(minimum = "0", maximum = "2147483647") Integer width,
            @Schema(minimum = "0", maximum = "2147483647") Integer height,
            @Schema(description = "Size in bytes.", minimum = "0") Long length,
            @Schema(description = "Plain text.", maxLength = 5_000) String caption,
            @Schema(description = "Plain text: the photographer or agency.", maxLength = 500) String credit,
            @Schema(description = "Plain text: the alternative text.", maxLength = 1_000) String alt,
            @Schema(description = "Plain text.", maxLength = 500, example = "© AFP 2022") String copyright,
            @Schema(description = "The license's address.", format = "uri", maxLength = JsonFields.MAX_URL)
            String license,
            @ArraySchema(maxItems = ArticleParser.MAX_RENDITIONS,
                    arraySchema = @Schema(description = "Other sizes of the same picture."))
            List<Rendition> renditions) {
    }

    /** Another size of the same picture. */
    @Schema(name = "RenditionInput", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Rendition(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri", maxLength = JsonFields.MAX_URL) String url,
            @Schema(minimum = "0", maximum = "2147483647") Integer width,
            @Schema(minimum = "0", maximum = "2147483647") Integer height,
            @Schema(pattern = "^image/[a-z0-9][a-z0-9.+-]*$", maxLength = 100, example = "image/webp") String mimeType) {
    }

    /** When and why the article was withdrawn. */
    @Schema(name = "WithdrawnInput", additionalProperties = AdditionalPropertiesValue.FALSE,
            description = "Set by the server while the article is withdrawn. A write that would create a new article with"
                    + " it is refused; an import with `preserve-ids=true` keeps it.")
    public record Withdrawn(
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant at,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = ArticleParser.MAX_REASON) String reason) {
    }

    /** A dated correction notice. */
    @Schema(name = "CorrectionInput", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Correction(
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant at,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = ArticleParser.MAX_CORRECTION) String text) {
    }

    /** The body of a withdrawal ({@link ArticleParser#withdrawalReason}). */
    @Schema(name = "Withdrawal", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record Withdrawal(
            @Schema(description = "Plain text, public: written into the feeds' tombstones and the article's page.",
                    requiredMode = RequiredMode.REQUIRED, maxLength = ArticleParser.MAX_REASON,
                    example = "Legal request")
            String reason) {
    }
}
