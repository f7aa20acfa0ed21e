package io.broadsheet.feed.media;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;

import java.net.URI;
import java.util.List;

/**
 * The Media RSS module of an item, shared by the RSS and Atom renderers: one {@code media:content} per image
 * with its caption and credit, and the lead image's caption, credit and thumbnail again at item level.
 * {@code media:group} is not used: it is for renditions of one image, not for different photos.
 * Spec: https://www.rssboard.org/media-rss
 */
public final class MediaRss {

    /** The Media RSS credit role of a photo credit. */
    static final String PHOTOGRAPHER = "photographer";

    private MediaRss() {
    }

    /** The module for an item's images, or null when it has none. */
    public static MediaEntryModuleImpl module(FeedItem item) {
        if (item.images().isEmpty()) {
            return null;
        }
        MediaEntryModuleImpl module = new MediaEntryModuleImpl();
        List<FeedImage> images = item.images();
        MediaContent[] contents = new MediaContent[images.size()];
        for (int i = 0; i < images.size(); i++) {
            contents[i] = content(images.get(i));
        }
        module.setMediaContents(contents);
        FeedImage lead = item.leadImage();
        Metadata itemLevel = metadata(lead);
        itemLevel.setThumbnail(new Thumbnail[] {new Thumbnail(URI.create(lead.url()), lead.width(), lead.height())});
        module.setMetadata(itemLevel);
        return module;
    }

    private static MediaContent content(FeedImage image) {
        MediaContent content = new MediaContent(new UrlReference(URI.create(image.url())));
        content.setMedium("image");
        content.setType(image.mimeType());
        content.setWidth(image.width());
        content.setHeight(image.height());
        content.setFileSize(image.length());
        content.setMetadata(metadata(image));
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
}
