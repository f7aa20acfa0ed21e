package io.broadsheet.article.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One image of an article, in article order (the first is the lead image); stored in the article row's
 * {@code images} JSON column.
 *
 * @param length     bytes, or null
 * @param copyright  plain text, such as "© AFP 2022"
 * @param license    the URL of the license the picture is published under
 * @param renditions the other sizes of the picture, in the order they were sent
 */
@Serdeable
public record ArticleImage(
        String url,
        @Nullable String mimeType,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Long length,
        @Nullable String caption,
        @Nullable String credit,
        @Nullable String alt,
        @Nullable String copyright,
        @Nullable String license,
        @Nullable @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Rendition> renditions) {

    public ArticleImage {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }

    /**
     * Another size of the same picture; only the URL is known for sure.
     *
     * @param width    pixels, or null
     * @param height   pixels, or null
     * @param mimeType an image/* type, or null
     */
    @Serdeable
    public record Rendition(String url, @Nullable Integer width, @Nullable Integer height, @Nullable String mimeType) {
    }
}
