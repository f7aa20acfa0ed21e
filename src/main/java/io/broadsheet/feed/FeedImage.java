package io.broadsheet.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * One picture of an article. Caption and credit are first-class: every format must carry them.
 *
 * @param url        media:content url, Atom link rel=enclosure href, JSON Feed attachment url
 * @param mimeType   media:content type, enclosure type, attachment mime_type; may be null (never guessed)
 * @param width      media:content width; may be null
 * @param height     media:content height; may be null
 * @param length     bytes: enclosure length, media:content fileSize, attachment size_in_bytes; may be null
 * @param caption    media:description type=plain, figcaption, attachment title, _media caption; may be null
 * @param credit     media:credit role=photographer, figcaption, _media credit; may be null
 * @param alt        img alt, _media alt; may be null
 * @param copyright  media:copyright, _media copyright; may be null
 * @param license    media:license href, _media license; may be null
 * @param renditions other sizes of the picture: with the original (isDefault) a media:group, img srcset,
 *                   _media renditions; the lead's also choose media:thumbnail and the JSON Feed image; never null
 */
public record FeedImage(String url, String mimeType, Integer width, Integer height, Long length,
                        String caption, String credit, String alt,
                        String copyright, String license, List<Rendition> renditions) {

    public FeedImage {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }

    /** A picture without rights or renditions. */
    public FeedImage(String url, String mimeType, Integer width, Integer height, Long length,
                     String caption, String credit, String alt) {
        this(url, mimeType, width, height, length, caption, credit, alt, null, null, List.of());
    }

    /**
     * Another size of the same picture.
     *
     * @param width    pixels; may be null
     * @param height   pixels; may be null
     * @param mimeType may be null (never guessed)
     */
    public record Rendition(String url, Integer width, Integer height, String mimeType) {
    }

    /** Every size of the picture: the original first, then the renditions in the order sent. */
    public List<Rendition> sizes() {
        List<Rendition> sizes = new ArrayList<>(renditions.size() + 1);
        sizes.add(new Rendition(url, width, height, mimeType));
        sizes.addAll(renditions);
        return sizes;
    }
}
