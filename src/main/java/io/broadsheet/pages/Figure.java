package io.broadsheet.pages;

import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.feed.FeedAssembler;
import io.broadsheet.feed.FeedImage;

/**
 * A picture as a page shows it: an {@code <img>} in a {@code <figure>} whose caption carries the credit (and the
 * copyright), each plain text that the template escapes.
 *
 * @param alt     the picture's alt text, else its caption, else empty (then the figcaption describes it)
 * @param srcset  every size of known width, as the feeds' figures carry it; null without renditions
 * @param width   pixels, or null
 * @param license the URL of the license, or null
 */
public record Figure(String src, String srcset, Integer width, Integer height, String alt, String caption,
                     String credit, String copyright, String license) {

    /** A stored picture, its text cleaned as the feeds clean it. */
    static Figure of(ArticleImage stored) {
        return of(FeedAssembler.image(stored));
    }

    /** A picture as a feed carries it. */
    static Figure of(FeedImage image) {
        String alt = present(image.alt()) ? image.alt() : present(image.caption()) ? image.caption() : "";
        return new Figure(image.url(), FeedAssembler.srcset(image), image.width(), image.height(), alt,
                blankToNull(image.caption()), blankToNull(image.credit()), blankToNull(image.copyright()),
                image.license());
    }

    /** True when there is a caption, credit or copyright to show under the picture. */
    public boolean hasCaption() {
        return caption != null || credit != null || copyright != null;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String blankToNull(String text) {
        return present(text) ? text : null;
    }
}
