package io.broadsheet.feed;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The formats Broadsheet publishes: the one place that names their file extensions and media types, and which of them
 * are offered to feed readers.
 */
public enum FeedFormat {
    /** RSS 2.0. Spec: https://www.rssboard.org/rss-specification */
    RSS("rss", "application/rss+xml", true),
    /** Atom 1.0. Spec: https://www.rfc-editor.org/rfc/rfc4287 */
    ATOM("atom", "application/atom+xml", true),
    /** JSON Feed 1.1. Spec: https://www.jsonfeed.org/version/1.1/ */
    JSON("json", "application/feed+json", true),
    /**
     * IPTC ninjs 3.3 objects in a JSON array, for partners' and syndication desks' ingest. IPTC registers no media
     * type for ninjs: {@code application/json} is what every JSON client accepts (see docs/feeds.md).
     * Spec: https://iptc.org/standards/ninjs/
     */
    NINJS("ninjs", "application/json", false);

    private static final FeedFormat[] FORMATS = values();
    private static final List<FeedFormat> READER_FORMATS = Arrays.stream(FORMATS).filter(f -> f.forReaders).toList();

    private final String extension;
    private final String mediaType;
    private final boolean forReaders;

    FeedFormat(String extension, String mediaType, boolean forReaders) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.forReaders = forReaders;
    }

    /**
     * Whether feed readers are offered this format: the pages' discovery links and lists, and the browser view of its
     * URL. ninjs is not: it is a format for programs that ingest news, which a reader would offer people in vain.
     */
    public boolean forReaders() {
        return forReaders;
    }

    /** The formats offered to feed readers, RSS first. */
    public static List<FeedFormat> readerFormats() {
        return READER_FORMATS;
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
