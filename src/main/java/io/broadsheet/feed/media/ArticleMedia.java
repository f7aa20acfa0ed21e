package io.broadsheet.feed.media;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;

import java.util.ArrayList;
import java.util.List;

/**
 * An item's Media RSS module that keeps its pictures in article order, the lead first: a plain picture is a
 * {@code media:content}, a picture with renditions a {@code media:group}. rome-modules' generator writes every
 * group before every plain content; {@link ArticleMediaGenerator} writes them in this order.
 */
public final class ArticleMedia extends MediaEntryModuleImpl {

    private static final long serialVersionUID = 1L;

    /** One picture: exactly one of the two is set. */
    public record Picture(MediaContent content, MediaGroup group) {
    }

    private final List<Picture> pictures;

    public ArticleMedia(List<Picture> pictures) {
        this.pictures = List.copyOf(pictures);
        List<MediaContent> contents = new ArrayList<>();
        List<MediaGroup> groups = new ArrayList<>();
        for (Picture picture : pictures) {
            if (picture.group() != null) {
                groups.add(picture.group());
            } else {
                contents.add(picture.content());
            }
        }
        setMediaContents(contents.toArray(new MediaContent[0]));
        setMediaGroups(groups.toArray(new MediaGroup[0]));
    }

    /** The pictures in article order. */
    public List<Picture> pictures() {
        return pictures;
    }
}
