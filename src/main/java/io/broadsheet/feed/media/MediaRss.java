package io.broadsheet.feed.media;

import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.License;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Media RSS module of an item, shared by the RSS and Atom renderers: one {@code media:content} per image
 * with its caption, credit, copyright and license, and the lead image's caption, credit and thumbnail again at
 * item level. A picture with renditions is a {@code media:group}: a {@code media:content} per size, the original
 * first and {@code isDefault}, each with the picture's caption, credit, copyright and license. {@code media:group}
 * is never used to wrap different photos. The pictures keep the article's order ({@link ArticleMedia}).
 * Spec: https://www.rssboard.org/media-rss
 */
public final class MediaRss {

    /** The Media RSS credit role of a photo credit. */
    static final String PHOTOGRAPHER = "photographer";
    /** The narrowest size that may stand as the item's thumbnail; narrower ones are left to icons. */
    static final int THUMBNAIL_MIN_WIDTH = 400;

    private MediaRss() {
    }

    /**
     * The module for an item's images, or null when it has none. {@code mediaRss15}: a license is Media RSS 1.5's
     * {@code media:license}, which the W3C validator does not know; otherwise it is the {@code url} of
     * {@code media:copyright} ("terms of use or additional copyright information"), which it accepts.
     */
    public static ArticleMedia module(FeedItem item, boolean mediaRss15) {
        if (item.images().isEmpty()) {
            return null;
        }
        List<ArticleMedia.Picture> pictures = new ArrayList<>(item.images().size());
        for (FeedImage image : item.images()) {
            pictures.add(image.renditions().isEmpty() ? new ArticleMedia.Picture(content(image, mediaRss15), null)
                    : new ArticleMedia.Picture(null, group(image, mediaRss15)));
        }
        ArticleMedia module = new ArticleMedia(pictures);
        FeedImage lead = item.leadImage();
        Metadata itemLevel = metadata(lead);
        FeedImage.Rendition thumbnail = thumbnail(lead);
        itemLevel.setThumbnail(new Thumbnail[] {
                new Thumbnail(URI.create(thumbnail.url()), thumbnail.width(), thumbnail.height())});
        module.setMetadata(itemLevel);
        return module;
    }

    /** The smallest size at least {@value #THUMBNAIL_MIN_WIDTH} px wide, or the original when none is known to be. */
    static FeedImage.Rendition thumbnail(FeedImage image) {
        return image.sizes().stream()
                .filter(size -> size.width() != null && size.width() >= THUMBNAIL_MIN_WIDTH)
                .min(Comparator.comparing(FeedImage.Rendition::width))
                .orElse(image.sizes().get(0));
    }

    private static MediaContent content(FeedImage image, boolean mediaRss15) {
        MediaContent content = content(image.sizes().get(0), image, mediaRss15);
        content.setFileSize(image.length());
        return content;
    }

    private static MediaGroup group(FeedImage image, boolean mediaRss15) {
        List<MediaContent> contents = new ArrayList<>();
        MediaContent original = content(image, mediaRss15);
        original.setDefaultContent(true);
        contents.add(original);
        image.renditions().forEach(rendition -> contents.add(content(rendition, image, mediaRss15)));
        return new MediaGroup(contents.toArray(new MediaContent[0]));
    }

    private static MediaContent content(FeedImage.Rendition size, FeedImage image, boolean mediaRss15) {
        MediaContent content = new MediaContent(new UrlReference(URI.create(size.url())));
        content.setMedium("image");
        content.setType(size.mimeType());
        content.setWidth(size.width());
        content.setHeight(size.height());
        Metadata metadata = metadata(image);
        boolean hasCopyright = image.copyright() != null && !image.copyright().isBlank();
        if (hasCopyright) {
            metadata.setCopyright(image.copyright());
        }
        License license = license(image.license());
        if (license != null && mediaRss15) {
            metadata.setLicenses(new License[] {license});
        } else if (license != null) {
            // media:copyright carries the url only with a text: the license's address stands in for a missing one
            metadata.setCopyright(hasCopyright ? image.copyright() : image.license());
            metadata.setCopyrightUrl(URI.create(image.license()));
        }
        content.setMetadata(metadata);
        return content;
    }

    private static Metadata metadata(FeedImage image) {
        Metadata metadata = new Metadata();
        if (image.caption() != null && !image.caption().isBlank()) {
            metadata.setDescription(image.caption());
            metadata.setDescriptionType("plain");
        }
        if (image.credit() != null && !image.credit().isBlank()) {
            metadata.setCredits(new Credit[] {new Credit(Credit.SCHEME_EBU, PHOTOGRAPHER, image.credit())});
        }
        return metadata;
    }

    /** The license at {@code url}, or null when there is none or it is not a URL (stored by another path). */
    private static License license(String url) {
        if (url == null) {
            return null;
        }
        License license = new License();
        try {
            license.setHref(URI.create(url).toURL());
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null; // the API never stores such a license; a feed must not fail for one
        }
        return license;
    }
}
