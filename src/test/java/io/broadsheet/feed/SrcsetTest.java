package io.broadsheet.feed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The srcset of a figure: what {@link FeedAssembler#srcset} keeps and what it leaves out. */
class SrcsetTest {

    @Test
    void everySizeOfKnownWidthTheOriginalFirst() {
        FeedImage image = TestFeeds.withRenditions(TestFeeds.image("a1", 1), 320, 2048);
        assertEquals("https://media.example.com/a1-img1.jpg 1200w, https://media.example.com/a1-img1-320.jpg 320w, "
                + "https://media.example.com/a1-img1-2048.jpg 2048w", FeedAssembler.srcset(image));
    }

    @Test
    void sizesWithoutAUsableWidthAndRepeatedWidthsAreLeftOut() {
        FeedImage image = TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), null), null, 0, 640);
        FeedImage twice = new FeedImage(image.url(), null, null, null, null, null, null, null, null, null,
                List.of(new FeedImage.Rendition("https://m.example.com/a.jpg", 640, null, null),
                        new FeedImage.Rendition("https://m.example.com/b.jpg", 640, null, null),
                        new FeedImage.Rendition("https://m.example.com/c.jpg,", 800, null, null)));
        assertEquals("https://media.example.com/a1-img1-640.jpg 640w", FeedAssembler.srcset(image));
        assertEquals("https://m.example.com/a.jpg 640w", FeedAssembler.srcset(twice),
                "one candidate per width; a URL ending with a comma cannot be a candidate");
    }

    @Test
    void aPictureWithoutRenditionsOrUsableWidthsHasNone() {
        assertNull(FeedAssembler.srcset(TestFeeds.image("a1", 1)));
        assertNull(FeedAssembler.srcset(TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), null), 0)));
    }

    @Test
    void figureOfAPictureWithoutRenditionsIsWrittenAsBefore() {
        assertEquals("<figure><img src=\"https://media.example.com/a1-img1.jpg\" alt=\"a1-img1-alt\" width=\"1200\""
                + " height=\"800\"><figcaption>a1-img1-caption \u2014 a1-img1-credit</figcaption></figure><p>b</p>",
                FeedAssembler.contentHtml(List.of(TestFeeds.image("a1", 1)), "<p>b</p>"));
    }
}
