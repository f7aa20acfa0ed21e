package io.broadsheet.feed;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.feed.json.JsonFeedRenderer;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonFeedRendererTest {

    private final JsonFeedRenderer renderer = new JsonFeedRenderer(ObjectMapper.getDefault());

    private JsonNode render(FeedItem... items) {
        return FeedParsers.jsonTree(new String(renderer.render(TestFeeds.feed(items)), StandardCharsets.UTF_8));
    }

    @Test
    void documentIsVersionOnePointOneWithFeedUrlAndAuthors() {
        JsonNode feed = render();
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").getStringValue());
        assertEquals("https://news.example.com/feeds/world.json", feed.get("feed_url").getStringValue());
        assertEquals("https://news.example.com/", feed.get("home_page_url").getStringValue());
        assertEquals("Desk", feed.get("authors").get(0).get("name").getStringValue());
        assertNull(feed.get("author"), "JSON Feed 1.1 uses authors, not author");
        assertEquals(0, feed.get("items").size(), "an empty feed still has its items array");
    }

    @Test
    void itemCarriesContentHtmlImageAttachmentsAndMediaExtension() {
        JsonNode item = render(TestFeeds.item("a1", "<p>b</p>", List.of(TestFeeds.image("a1", 1), TestFeeds.image("a1", 2))))
                .get("items").get(0);
        assertEquals("tag:news.example.com,2022:article:a1", item.get("id").getStringValue());
        assertEquals("https://media.example.com/a1-img1.jpg", item.get("image").getStringValue());
        assertEquals("2022-03-17T09:42:00Z", item.get("date_published").getStringValue());
        assertEquals("2022-03-18T10:00:00Z", item.get("date_modified").getStringValue());
        JsonNode attachment = item.get("attachments").get(1);
        assertEquals("image/jpeg", attachment.get("mime_type").getStringValue());
        assertEquals("a1-img2-caption", attachment.get("title").getStringValue());
        assertEquals(100_002L, attachment.get("size_in_bytes").getLongValue());
        JsonNode media = item.get("_media");
        assertEquals("https://news.example.com/docs/json-feed-media", media.get("about").getStringValue());
        assertEquals("a1-img2-credit", media.get("images").get(1).get("credit").getStringValue());
        assertEquals("a1-img2-alt", media.get("images").get(1).get("alt").getStringValue());
        assertEquals(List.of("World", "a1-tag"), tags(item));
    }

    @Test
    void summaryModeCarriesContentText() {
        JsonNode item = render(TestFeeds.item("a1", null, List.of())).get("items").get(0);
        assertNull(item.get("content_html"));
        assertEquals("a1-summary", item.get("content_text").getStringValue());
    }

    @Test
    void imageIsTheLeadSizeWhoseWidthIsClosestTo1200PxTheWiderOnATie() {
        FeedImage lead = TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), 2000), 1000, 1400, null);
        assertEquals("https://media.example.com/a1-img1-1400.jpg", image(lead));
        lead = TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), 1300), 1000, 1400);
        assertEquals("https://media.example.com/a1-img1.jpg", image(lead), "the original is a size like the others");
    }

    @Test
    void sizesOfUnknownWidthCountOnlyWhenNoneHasAWidthAndThenItIsTheOriginal() {
        FeedImage lead = TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), null), null, 300);
        assertEquals("https://media.example.com/a1-img1-300.jpg", image(lead));
        lead = TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), null), null, null);
        assertEquals("https://media.example.com/a1-img1.jpg", image(lead));
    }

    @Test
    void mediaImageCarriesRightsAndRenditionsInSnakeCaseLeavingOutUnknownValues() {
        FeedImage lead = TestFeeds.withRenditions(TestFeeds.image("a1", 1), 640, null);
        JsonNode image = render(TestFeeds.item("a1", "<p>b</p>", List.of(lead))).get("items").get(0)
                .get("_media").get("images").get(0);
        assertEquals("a1-img1-copyright", image.get("copyright").getStringValue());
        assertEquals("https://licenses.example.com/a1-img1", image.get("license").getStringValue());
        assertEquals("{\"url\":\"https://media.example.com/a1-img1-640.jpg\",\"width\":640,\"height\":426,"
                + "\"mime_type\":\"image/jpeg\"}", io.broadsheet.testing.Fixtures.json(image.get("renditions").get(0)));
        assertEquals("{\"url\":\"https://media.example.com/a1-img1-null.jpg\",\"mime_type\":\"image/jpeg\"}",
                io.broadsheet.testing.Fixtures.json(image.get("renditions").get(1)));
    }

    private String image(FeedImage lead) {
        return render(TestFeeds.item("a1", "<p>b</p>", List.of(lead))).get("items").get(0).get("image").getStringValue();
    }

    private static List<String> tags(JsonNode item) {
        List<String> tags = new java.util.ArrayList<>();
        item.get("tags").values().forEach(t -> tags.add(t.getStringValue()));
        return tags;
    }
}
