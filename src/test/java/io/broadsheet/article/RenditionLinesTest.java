package io.broadsheet.article;

import io.broadsheet.article.ArticleImage.Rendition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The renditions of an image in their one text column. */
class RenditionLinesTest {

    @Test
    void renditionsSurviveTheirColumnWithUnknownValues() {
        List<Rendition> renditions = List.of(
                new Rendition("https://media.example.com/a-320.jpg?v=1&w=320", 320, 213, "image/jpeg"),
                new Rendition("https://media.example.com/a-640.webp", 640, null, "image/webp"),
                new Rendition("https://media.example.com/a-%E2%82%AC.jpg", null, null, null),
                new Rendition("https://media.example.com/a-max.jpg", Integer.MAX_VALUE, 0, "image/svg+xml"));
        String lines = Rendition.encode(renditions);
        assertEquals("320\t213\timage/jpeg\thttps://media.example.com/a-320.jpg?v=1&w=320\n"
                + "640\t-\timage/webp\thttps://media.example.com/a-640.webp\n"
                + "-\t-\t-\thttps://media.example.com/a-%E2%82%AC.jpg\n"
                + "2147483647\t0\timage/svg+xml\thttps://media.example.com/a-max.jpg", lines);
        assertEquals(renditions, Rendition.decode(lines));
    }

    @Test
    void noRenditionsAreStoredAsNull() {
        assertNull(Rendition.encode(List.of()));
        assertNull(Rendition.encode(null));
        assertEquals(List.of(), Rendition.decode(null));
        assertEquals(List.of(), new ArticleImage(null, 1, 0, "https://m.example.com/a.jpg", null, null, null, null,
                null, null, null, null, null, null).renditions());
    }

    @Test
    void aLineTheEncoderCouldNotHaveWrittenIsLeftOutAndAnUnreadableNumberIsUnknown() {
        assertEquals(List.of(new Rendition("https://m.example.com/b.jpg", null, 5, null)),
                Rendition.decode("broken line\n-\t-\t-\t\nx\t5\t-\thttps://m.example.com/b.jpg"));
        assertEquals(List.of(new Rendition("https://m.example.com/c.jpg", null, null, null)),
                Rendition.decode("99999999999\t-1\t-\thttps://m.example.com/c.jpg"));
    }
}
