package io.broadsheet.feed.media;

import com.rometools.modules.mediarss.io.MediaModuleGenerator;
import com.rometools.rome.feed.module.Module;
import org.jdom2.Element;

/**
 * rome-modules' Media RSS generator, writing an {@link ArticleMedia} module's pictures in article order: the
 * item-level metadata and player first, then each picture's {@code media:content} or {@code media:group}.
 * Registered for the Media RSS namespace in Broadsheet's own feed types ({@code rome.properties}).
 * Spec: https://www.rssboard.org/media-rss
 */
public final class ArticleMediaGenerator extends MediaModuleGenerator {

    @Override
    public void generate(Module module, Element element) {
        if (!(module instanceof ArticleMedia media)) {
            super.generate(module, element);
            return;
        }
        generateMetadata(media.getMetadata(), element);
        generatePlayer(media.getPlayer(), element);
        for (ArticleMedia.Picture picture : media.pictures()) {
            if (picture.group() != null) {
                generateGroup(picture.group(), element);
            } else {
                generateContent(picture.content(), element);
            }
        }
    }
}
