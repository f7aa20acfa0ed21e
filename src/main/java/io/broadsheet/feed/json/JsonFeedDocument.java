package io.broadsheet.feed.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The JSON Feed 1.1 document, field for field; null members are left out.
 * Spec: https://www.jsonfeed.org/version/1.1/
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonFeedDocument(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        String description,
        @JsonProperty("next_url") String nextUrl,
        String icon,
        String favicon,
        String language,
        List<Author> authors,
        List<Hub> hubs,
        @JsonProperty("_fediverse") Fediverse fediverse,
        List<Item> items) {

    /** The {@code _fediverse} extension of a public feed: the actor that publishes it, and its handle. */
    @Serdeable
    public record Fediverse(String actor, String handle) {
    }

    /** A WebSub hub. */
    @Serdeable
    public record Hub(String type, String url) {
    }

    /** An author of the feed or of an item. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String name, String url) {
    }

    /** One item; exactly one of {@code content_html} and {@code content_text} is set. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String id,
            String url,
            String title,
            String summary,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("content_text") String contentText,
            String image,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<Author> authors,
            List<String> tags,
            String language,
            List<Attachment> attachments,
            @JsonProperty("_media") Media media,
            @JsonProperty("_withdrawn") Withdrawn withdrawn) {
    }

    /** The {@code _withdrawn} extension of a tombstone item: when the article was withdrawn, and why. */
    @Serdeable
    public record Withdrawn(String about, String at, String reason) {
    }

    /** An attachment: every image with a known media type. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(
            String url,
            @JsonProperty("mime_type") String mimeType,
            String title,
            @JsonProperty("size_in_bytes") Long sizeInBytes) {
    }

    /** The {@code _media} extension: every image with its caption, credit, rights and renditions. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Media(String about, List<MediaImage> images) {
    }

    /** One image of the {@code _media} extension; {@code renditions} is left out when there are none. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediaImage(String url, String caption, String credit, String alt, Integer width, Integer height,
                             String copyright, String license, List<MediaRendition> renditions) {
    }

    /** Another size of an image of the {@code _media} extension. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediaRendition(String url, Integer width, Integer height,
                                 @JsonProperty("mime_type") String mimeType) {
    }
}
