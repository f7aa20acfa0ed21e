package io.broadsheet.feed;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.ParsedFeed;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every format must carry, checked by parsing each served document back. */
@MicronautTest(transactional = false)
class FeedContractTest extends HttpTest {

    private long a1;
    private long a2;

    @BeforeAll
    void publish() {
        a1 = id(http.post("/api/articles", Fixtures.json(Fixtures.article("a1", "2022-03-17T09:00:00Z", "world", "europe")))) ;
        a2 = id(http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("a2", "2022-03-18T10:30:00Z", "world"),
                "images", List.of(Fixtures.image("a2", 1)), "summary", "a2 says <b>bold</b> & more"))));
        http.post("/api/articles", Fixtures.json(Fixtures.article("sport1", "2022-03-19T08:00:00Z", "sports")));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void everyImageCarriesItsCaptionAndCredit(FeedFormat format) {
        ParsedFeed.Item item = world(format).item(itemId(a1));
        assertEquals(List.of(
                        new ParsedFeed.Image("https://media.example.com/a1-img1.jpg", "image/jpeg", 100_001L, 1200, 800,
                                "a1-img1-caption", "a1-img1-credit"),
                        new ParsedFeed.Image("https://media.example.com/a1-img2.jpg", "image/jpeg", 100_002L, 1200, 800,
                                "a1-img2-caption", "a1-img2-credit")),
                item.images(), format + ": images of a1");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void fullBodyBeginsWithAFigurePerImageThenTheBody(FeedFormat format) {
        String html = world(format).item(itemId(a1)).contentHtml();
        String expected = "<figure><img src=\"https://media.example.com/a1-img1.jpg\" alt=\"a1-img1-alt\" width=\"1200\" height=\"800\">"
                + "<figcaption>a1-img1-caption \u2014 a1-img1-credit</figcaption></figure>"
                + "<figure><img src=\"https://media.example.com/a1-img2.jpg\" alt=\"a1-img2-alt\" width=\"1200\" height=\"800\">"
                + "<figcaption>a1-img2-caption \u2014 a1-img2-credit</figcaption></figure>"
                + "<p>a1-body</p>";
        assertEquals(expected, html, format + ": content of a1");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void itemsCarryIdLinkTitleSummaryDatesAuthorsAndCategories(FeedFormat format) {
        ParsedFeed.Item item = world(format).item(itemId(a1));
        assertEquals("https://news.example.com/stories/a1", item.url());
        assertEquals("a1-title", item.title());
        assertEquals("a1-summary", item.summary());
        assertEquals(Instant.parse("2022-03-17T09:00:00Z"), item.published());
        if (item.updated() != null) {
            assertTrue(!item.updated().isBefore(item.published()), format + ": updated " + item.updated() + " before published");
        }
        assertEquals(List.of("a1-author"), item.authors());
        assertEquals(List.of("World", "Europe", "a1-tag"), item.categories(), format + ": categories then tags");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void plainTextSummaryIsShownAsWrittenNotAsHtml(FeedFormat format) {
        assertEquals("a2 says <b>bold</b> & more", world(format).item(itemId(a2)).summary());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void categoryFeedHoldsOnlyItsCategoryNewestFirst(FeedFormat format) {
        ParsedFeed feed = world(format);
        assertEquals(List.of(itemId(a2), itemId(a1)), feed.ids(), format + ": world feed");
        String self = "https://news.example.com/feeds/world." + format.extension();
        if (format == FeedFormat.NINJS) {
            // an array of news items names no feed: the answer's Link field carries its self link
            List<String> links = http.get("/feeds/world.ninjs").headers().allValues("Link");
            assertTrue(links.contains("<" + self + ">; rel=\"self\""), "ninjs: Link fields " + links);
            return;
        }
        assertEquals("Test Gazette \u2014 World", feed.title());
        assertEquals("https://news.example.com/", feed.homePageUrl());
        assertEquals(self, feed.selfUrl());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void feedIsServedWithItsMediaTypeInUtf8(FeedFormat format) {
        Http.Answer answer = http.get("/feeds/world." + format.extension());
        assertEquals(200, answer.status());
        assertEquals(format.mediaType() + "; charset=utf-8", answer.header("Content-Type").orElseThrow());
    }

    private ParsedFeed world(FeedFormat format) {
        Http.Answer answer = http.get("/feeds/world." + format.extension());
        assertEquals(200, answer.status(), answer.body());
        return FeedParsers.parse(format, answer.body());
    }

    static String itemId(long articleId) {
        return "tag:news.example.com,2022:article:" + articleId;
    }

    static long id(Http.Answer created) {
        assertEquals(201, created.status(), created.body());
        return FeedParsers.jsonTree(created.body()).get("id").getLongValue();
    }
}
