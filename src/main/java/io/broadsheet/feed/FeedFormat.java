package io.broadsheet.feed;

import java.util.Optional;

/** The formats Broadsheet publishes: the one place that names their file extensions and media types. */
public enum FeedFormat {
    /** RSS 2.0. Spec: https://www.rssboard.org/rss-specification */
    RSS("rss", "application/rss+xml", true),
    /** Atom 1.0. Spec: https://www.rfc-editor.org/rfc/rfc4287 */
    ATOM("atom", "application/atom+xml", true),
    /** JSON Feed 1.1. Spec: https://www.jsonfeed.org/version/1.1/ */
    JSON("json", "application/feed+json", false);

    /**
     * The media type of an XML feed shown in a browser: browsers apply a document's xml-stylesheet to
     * application/xml, never to application/rss+xml or application/atom+xml (they show those as text or download
     * them). Spec: https://www.rfc-editor.org/rfc/rfc7303#section-4.1
     */
    private static final String VIEW_CONTENT_TYPE = "application/xml; charset=utf-8";

    private static final FeedFormat[] FORMATS = values();

    private final String extension;
    private final String mediaType;
    private final boolean xml;

    FeedFormat(String extension, String mediaType, boolean xml) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.xml = xml;
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

    /** Whether a browser can show the format through its stylesheet (the XML formats, which name one). */
    public boolean hasView() {
        return xml;
    }

    /** The Content-Type of the same bytes served to a browser, for a format that {@link #hasView() has a view}. */
    public String viewContentType() {
        return VIEW_CONTENT_TYPE;
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
