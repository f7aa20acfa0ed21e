package io.broadsheet.feed;

/**
 * One picture of an article. Caption and credit are first-class: every format must carry them.
 *
 * @param url      media:content url, Atom link rel=enclosure href, JSON Feed attachment url
 * @param mimeType media:content type, enclosure type, attachment mime_type; may be null (never guessed)
 * @param width    media:content width; may be null
 * @param height   media:content height; may be null
 * @param length   bytes: enclosure length, media:content fileSize, attachment size_in_bytes; may be null
 * @param caption  media:description type=plain, figcaption, attachment title, _media caption; may be null
 * @param credit   media:credit role=photographer, figcaption, _media credit; may be null
 * @param alt      img alt, _media alt; may be null
 */
public record FeedImage(String url, String mimeType, Integer width, Integer height, Long length,
                        String caption, String credit, String alt) {
}
