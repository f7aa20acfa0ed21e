package io.broadsheet.storage;

import io.broadsheet.article.model.ArticleAuthor;
import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.ArticleImage.Rendition;
import io.broadsheet.article.model.Correction;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON columns of an article row: what goes in comes out, and a value the codec cannot read is one failure. */
class ArticleChildrenTest {

    private final ArticleChildren children = new ArticleChildren(ObjectMapper.create(java.util.Map.of(
            "micronaut.serde.serialization.inclusion", "non_null")));

    @Test
    void imagesWithRenditionsRightsAndUnknownValuesSurviveTheirColumn() {
        List<ArticleImage> images = List.of(
                new ArticleImage("https://media.example.com/a1-img1.jpg", "image/jpeg", 1200, 800, 187_342L,
                        "a1-img1-caption\twith a tab\nand a line \"quoted\" \u2603", "a1-img1-credit", "a1-img1-alt",
                        "\u00a9 a1-img1-copyright", "https://creativecommons.org/licenses/by/4.0/", List.of(
                        new Rendition("https://media.example.com/a1-img1-320.jpg?v=1&w=320", 320, 213, "image/jpeg"),
                        new Rendition("https://media.example.com/a1-img1-640.webp", 640, null, "image/webp"),
                        new Rendition("https://media.example.com/a1-img1-max.jpg", Integer.MAX_VALUE, 0, null))),
                new ArticleImage("https://media.example.com/a1-img2.jpg", null, null, null, null, null, null, null,
                        null, null, null));
        String column = children.images(images);
        assertEquals(images, children.readImages(1, column), column);
        assertTrue(!column.contains("null") && !column.contains("\"renditions\":[]"),
                "unknown values and no renditions take no room: " + column);
    }

    @Test
    void authorsAndCorrectionsSurviveTheirColumnsToTheNanosecond() {
        List<ArticleAuthor> authors = List.of(new ArticleAuthor("a1-author1", "https://news.example.com/people/a1"),
                new ArticleAuthor("a1-author2 \u00e9", null));
        assertEquals(authors, children.readAuthors(1, children.authors(authors)));
        List<Correction> corrections = List.of(new Correction(Instant.parse("2026-12-01T10:00:00.123456789Z"),
                "a1-correction1 \\ with a backslash\tand a tab\r\n"), new Correction(Instant.parse("2026-12-02T00:00:00Z"),
                "a1-correction2"));
        String column = children.corrections(corrections);
        assertEquals(corrections, children.readCorrections(1, column), column);
        assertTrue(column.contains("\"2026-12-01T10:00:00.123456789Z\""), "the instant as ISO-8601 text: " + column);
    }

    @Test
    void noChildrenAreStoredAsNullAndReadAsEmpty() {
        assertNull(children.images(List.of()));
        assertNull(children.authors(List.of()));
        assertNull(children.corrections(List.of()));
        assertEquals(List.of(), children.readImages(1, null));
        assertEquals(List.of(), children.readAuthors(1, null));
        assertEquals(List.of(), children.readCorrections(1, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"url\": \"https://m.example.com/a.jpg\"}", "[null]", "[{\"alt\": \"no url\"}]",
            "[{\"url\": \"https://m.example.com/a.jpg\", \"renditions\": [{\"width\": 5}]}]",
            "[{\"url\": \"https://m.example.com/a.jpg\", \"width\": \"wide\"}]"})
    void anImagesValueTheCodecCannotReadFailsNamingTheArticleAndColumn(String column) {
        DataAccessException e = assertThrows(DataAccessException.class, () -> children.readImages(42, column),
                "expected a failure for " + column);
        assertTrue(e.getMessage().startsWith("The images column of article 42 "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"text\": \"no date\"}]", "[{\"at\": \"yesterday\", \"text\": \"a\"}]",
            "[{\"at\": \"2026-12-01T10:00:00Z\"}]", "2026-12-01T10:00:00Z\tthe old text form"})
    void aCorrectionsValueTheCodecCannotReadFailsTheSameWay(String column) {
        DataAccessException e = assertThrows(DataAccessException.class, () -> children.readCorrections(7, column),
                "expected a failure for " + column);
        assertTrue(e.getMessage().startsWith("The corrections column of article 7 "), e.getMessage());
    }
}
