package io.broadsheet.feed;

import java.util.Optional;

/** The formats Broadsheet publishes: the one place that names their file extensions and media types. */
public enum FeedFormat {
    /** RSS 2.0. Spec: https://www.rssboard.org/rss-specification */
    RSS("rss", "application/rss+xml"),
    /** Atom 1.0. Spec: https://www.rfc-editor.org/rfc/rfc4287 */
    ATOM("atom", "application/atom+xml"),
    /** JSON Feed 1.1. Spec: https://www.jsonfeed.org/version/1.1/ */
    JSON("json", "application/feed+json");

    private static final FeedFormat[] FORMATS = values();

    private final String extension;
    private final String mediaType;

    FeedFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The media type without parameters, e.g. {@code application/rss+xml}. */
    public String mediaType() {
        return mediaType;
    }

    /** The Content-Type header value: every format is served as UTF-8. */
    public String contentType() {
        return mediaType + "; charset=utf-8";
    }

    public static Optional<FeedFormat> ofExtension(String extension) {
        return Optional.ofNullable(named(extension));
    }

    /** The format of a file extension, or null: what a feed request's path ends with, read without allocating. */
    public static FeedFormat named(CharSequence extension) {
        for (FeedFormat format : FORMATS) {
            if (format.extension.contentEquals(extension)) {
                return format;
            }
        }
        return null;
    }
}
