package io.broadsheet.feed.ninjs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The members of ninjs 3.3 that Broadsheet writes, field for field; null members are left out, as the schema refuses
 * null where it wants a string or an array, and refuses every member it does not define.
 * Spec: https://www.iptc.org/std/ninjs/ninjs-schema_3.3.json
 */
public final class NinjsDocument {

    private NinjsDocument() {
    }

    /**
     * One news item of the array: an article, or a withdrawn one ({@code pubStatus} {@code canceled}).
     *
     * @param representationType {@code full} with the body, {@code partial} for a teaser (summary content)
     * @param renditions         the article's web page
     * @param associations       its pictures, in article order
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String uri,
            Standard standard,
            String type,
            String representationType,
            String pubStatus,
            String language,
            String firstCreated,
            String versionCreated,
            String expires,
            String edNote,
            String copyrightNotice,
            String by,
            List<Text> headlines,
            List<Text> descriptions,
            List<Text> bodies,
            List<Subject> subjects,
            List<Rendition> renditions,
            List<Picture> associations) {
    }

    /** The standard, version and schema an object conforms to. */
    @Serdeable
    public record Standard(String name, String version, String schema) {
    }

    /** A headline, description or body: its text, with what it is and its media type. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Text(String role, String contentType, String value) {
    }

    /** A category (its name, and its slug as {@code literal}) or a tag (its name). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String name, String literal) {
    }

    /** One rendition of an object: a size of a picture, or the article's web page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rendition(String name, String href, String contentType, Integer width, Integer height,
                            Long sizeInBytes) {
    }

    /**
     * A picture of the article, as an association: {@code uri} and {@code name} are what the schema requires of one.
     *
     * @param by              the credit
     * @param descriptions    the caption, then the alternative text
     * @param copyrightNotice the picture's copyright
     * @param rightsInfo      its licence, linked
     * @param renditions      every size, the original first
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Picture(String uri, String name, String type, String by, List<Text> descriptions,
                          String copyrightNotice, RightsInfo rightsInfo, List<Rendition> renditions) {
    }

    /** A link to the rights that apply to the content. */
    @Serdeable
    public record RightsInfo(String linkedRights) {
    }
}
