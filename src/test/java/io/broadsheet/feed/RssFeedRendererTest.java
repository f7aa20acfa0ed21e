package io.broadsheet.feed;

import io.broadsheet.feed.rss.RssFeedRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.broadsheet.feed.TestFeeds.ATOM;
import static io.broadsheet.feed.TestFeeds.CONTENT;
import static io.broadsheet.feed.TestFeeds.DC;
import static io.broadsheet.feed.TestFeeds.MEDIA;
import static io.broadsheet.feed.TestFeeds.child;
import static io.broadsheet.feed.TestFeeds.childNames;
import static io.broadsheet.feed.TestFeeds.children;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RssFeedRendererTest {

    private final RssFeedRenderer renderer = new RssFeedRenderer();

    private Element onlyItem(FeedItem item) {
        Document doc = TestFeeds.dom(renderer.render(TestFeeds.feed(item)));
        return child(child(doc.getDocumentElement(), null, "channel"), null, "item");
    }

    @Test
    void rssHasExactlyOneEnclosureForTheLeadImage() {
        Element item = onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(TestFeeds.image("a1", 1), TestFeeds.image("a1", 2))));
        List<Element> enclosures = children(item, null, "enclosure");
        assertEquals(1, enclosures.size(), "enclosures");
        assertEquals("https://media.example.com/a1-img1.jpg", enclosures.get(0).getAttribute("url"));
        assertEquals("100001", enclosures.get(0).getAttribute("length"));
        assertEquals("image/jpeg", enclosures.get(0).getAttribute("type"));
    }

    @Test
    void everyImageIsAMediaContentWithCaptionAndCredit() {
        Element item = onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(TestFeeds.image("a1", 1), TestFeeds.image("a1", 2))));
        List<Element> contents = children(item, MEDIA, "content");
        assertEquals(2, contents.size());
        for (int n = 1; n <= 2; n++) {
            Element content = contents.get(n - 1);
            assertEquals("https://media.example.com/a1-img" + n + ".jpg", content.getAttribute("url"));
            assertEquals("image", content.getAttribute("medium"));
            assertEquals("image/jpeg", content.getAttribute("type"));
            assertEquals("1200", content.getAttribute("width"));
            assertEquals("800", content.getAttribute("height"));
            assertEquals(String.valueOf(100_000 + n), content.getAttribute("fileSize"));
            Element description = child(content, MEDIA, "description");
            assertEquals("plain", description.getAttribute("type"));
            assertEquals("a1-img" + n + "-caption", description.getTextContent());
            Element credit = child(content, MEDIA, "credit");
            assertEquals("photographer", credit.getAttribute("role"));
            assertEquals("urn:ebu", credit.getAttribute("scheme"));
            assertEquals("a1-img" + n + "-credit", credit.getTextContent());
        }
        assertTrue(children(item, MEDIA, "group").isEmpty(), "different photos are never wrapped in media:group");
    }

    @Test
    void leadImageCaptionCreditAndThumbnailAlsoStandAtItemLevel() {
        Element item = onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(TestFeeds.image("a1", 1), TestFeeds.image("a1", 2))));
        assertEquals("a1-img1-caption", child(item, MEDIA, "description").getTextContent());
        assertEquals("a1-img1-credit", child(item, MEDIA, "credit").getTextContent());
        Element thumbnail = child(item, MEDIA, "thumbnail");
        assertEquals("https://media.example.com/a1-img1.jpg", thumbnail.getAttribute("url"));
        assertEquals("1200", thumbnail.getAttribute("width"));
    }

    @Test
    void eachFactAppearsOnceWithoutDublinCoreMirrors() {
        Document doc = TestFeeds.dom(renderer.render(TestFeeds.feed(TestFeeds.item("a1", "<p>b</p>", List.of()))));
        Element channel = child(doc.getDocumentElement(), null, "channel");
        Element item = child(channel, null, "item");
        assertEquals(0, doc.getElementsByTagNameNS(DC, "date").getLength(), "dc:date");
        assertEquals(0, doc.getElementsByTagNameNS(DC, "language").getLength(), "dc:language");
        assertEquals(0, doc.getElementsByTagNameNS(DC, "rights").getLength(), "dc:rights");
        assertEquals(List.of("a1-author1", "a1-author2"),
                children(item, DC, "creator").stream().map(Element::getTextContent).toList());
        assertEquals("Thu, 17 Mar 2022 09:42:00 GMT", child(item, null, "pubDate").getTextContent());
        assertEquals("Fri, 18 Mar 2022 10:00:00 GMT", child(channel, null, "lastBuildDate").getTextContent());
        assertEquals("en", child(channel, null, "language").getTextContent());
    }

    @Test
    void guidIsATagUriThatIsNoPermalink() {
        Element guid = child(onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of())), null, "guid");
        assertEquals("false", guid.getAttribute("isPermaLink"));
        assertEquals("tag:news.example.com,2022:article:a1", guid.getTextContent());
    }

    @Test
    void descriptionComesBeforeContentEncoded() {
        List<String> names = childNames(onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of())));
        assertTrue(names.indexOf("description") >= 0 && names.indexOf("description") < names.indexOf("content:encoded"),
                "order: " + names);
    }

    @Test
    void channelLinksToItselfThroughAtomLink() {
        Document doc = TestFeeds.dom(renderer.render(TestFeeds.feed()));
        Element self = child(child(doc.getDocumentElement(), null, "channel"), ATOM, "link");
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("https://news.example.com/feeds/world.rss", self.getAttribute("href"));
        assertEquals("application/rss+xml", self.getAttribute("type"));
    }

    @Test
    void theRootFollowsTheXmlDeclarationWithNoStylesheetInstruction() {
        String xml = new String(renderer.render(TestFeeds.feed()), StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss "), xml);
        assertFalse(xml.contains("<?xml-stylesheet"), xml);
    }

    @Test
    void bodyIsCarriedExactlyWithWhitespaceAndCdataTerminators() {
        String body = "<pre>two  spaces\n\tand a tab</pre><p>x ]]> y &amp; z</p>";
        Element item = onlyItem(TestFeeds.item("a1", body, List.of()));
        assertEquals(body, child(item, CONTENT, "encoded").getTextContent());
    }

    @Test
    void itemWithoutImagesHasNoEnclosureAndNoMedia() {
        Element item = onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of()));
        assertTrue(children(item, null, "enclosure").isEmpty());
        assertTrue(children(item, MEDIA, "content").isEmpty());
    }

    @Test
    void leadImageWithoutMediaTypeGetsNoEnclosureButStillItsMediaContent() {
        FeedImage untyped = new FeedImage("https://media.example.com/x", null, null, null, null, "cap", "cred", null);
        Element item = onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(untyped)));
        assertTrue(children(item, null, "enclosure").isEmpty(), "no enclosure without a type (never guessed)");
        assertEquals("cap", child(child(item, MEDIA, "content"), MEDIA, "description").getTextContent());
    }

    @Test
    void picturesStayInArticleOrderWhenOnlyALaterOneHasRenditions() {
        FeedImage grouped = TestFeeds.withRenditions(TestFeeds.image("a1", 2), 640, 1024);
        Element item = onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(TestFeeds.image("a1", 1), grouped)));
        List<String> media = childNames(item).stream().filter(n -> n.equals("media:content") || n.equals("media:group")).toList();
        assertEquals(List.of("media:content", "media:group"), media, "the lead picture first, as in the article");
        assertEquals("https://media.example.com/a1-img1.jpg", child(item, MEDIA, "content").getAttribute("url"));
        List<Element> sizes = children(child(item, MEDIA, "group"), MEDIA, "content");
        assertEquals(List.of("https://media.example.com/a1-img2.jpg", "https://media.example.com/a1-img2-640.jpg",
                "https://media.example.com/a1-img2-1024.jpg"), sizes.stream().map(e -> e.getAttribute("url")).toList());
        assertEquals("true", sizes.get(0).getAttribute("isDefault"));
        assertEquals("a1-img2-copyright", child(sizes.get(2), MEDIA, "copyright").getTextContent());
        assertEquals("https://licenses.example.com/a1-img2", child(sizes.get(2), MEDIA, "copyright").getAttribute("url"),
                "the license is the copyright's terms of use (media:license only with media-rss-1-5)");
        assertEquals("https://media.example.com/a1-img1.jpg", child(item, MEDIA, "thumbnail").getAttribute("url"),
                "the thumbnail is the lead picture's");
    }

    @Test
    void thumbnailIsTheOriginalWhenNoSizeIsKnownToBe400PxWide() {
        FeedImage lead = TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), null), 120, 399, null);
        Element thumbnail = child(onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(lead))), MEDIA, "thumbnail");
        assertEquals("https://media.example.com/a1-img1.jpg", thumbnail.getAttribute("url"));
        assertEquals("", thumbnail.getAttribute("width"), "no width when the original's is unknown");
    }

    @Test
    void thumbnailIsTheSmallestSizeAtLeast400PxWideTheOriginalIncluded() {
        FeedImage lead = TestFeeds.withRenditions(TestFeeds.withWidth(TestFeeds.image("a1", 1), 400), 200, 800, 401);
        Element thumbnail = child(onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(lead))), MEDIA, "thumbnail");
        assertEquals("https://media.example.com/a1-img1.jpg", thumbnail.getAttribute("url"));
        lead = TestFeeds.withRenditions(TestFeeds.image("a1", 1), 200, 800, 401);
        thumbnail = child(onlyItem(TestFeeds.item("a1", "<p>b</p>", List.of(lead))), MEDIA, "thumbnail");
        assertEquals("https://media.example.com/a1-img1-401.jpg", thumbnail.getAttribute("url"));
        assertEquals("401", thumbnail.getAttribute("width"));
        assertEquals("267", thumbnail.getAttribute("height"));
    }
}
