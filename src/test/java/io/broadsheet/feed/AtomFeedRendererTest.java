package io.broadsheet.feed;

import io.broadsheet.feed.atom.AtomFeedRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.broadsheet.feed.TestFeeds.ATOM;
import static io.broadsheet.feed.TestFeeds.MEDIA;
import static io.broadsheet.feed.TestFeeds.child;
import static io.broadsheet.feed.TestFeeds.children;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomFeedRendererTest {

    private final AtomFeedRenderer renderer = new AtomFeedRenderer();

    private Element root(FeedItem... items) {
        Document doc = TestFeeds.dom(renderer.render(TestFeeds.feed(items)));
        return doc.getDocumentElement();
    }

    @Test
    void theRootFollowsTheXmlDeclarationWithNoStylesheetInstruction() {
        String xml = new String(renderer.render(TestFeeds.feed()), StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed "), xml);
        assertFalse(xml.contains("<?xml-stylesheet"), xml);
    }

    @Test
    void feedAlwaysHasIdUpdatedSelfLinkAuthorAndLanguage() {
        Element feed = root();
        assertEquals("tag:news.example.com,2022:feed:world", child(feed, ATOM, "id").getTextContent());
        assertEquals("2022-03-18T10:00:00Z", child(feed, ATOM, "updated").getTextContent());
        assertEquals("Desk", child(child(feed, ATOM, "author"), ATOM, "name").getTextContent());
        assertEquals("en", feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
        List<Element> links = children(feed, ATOM, "link");
        assertEquals("https://news.example.com/feeds/world.atom", links.stream()
                .filter(l -> l.getAttribute("rel").equals("self")).findFirst().orElseThrow().getAttribute("href"));
        assertEquals("text/html", links.stream()
                .filter(l -> l.getAttribute("rel").equals("alternate")).findFirst().orElseThrow().getAttribute("type"));
        assertEquals("https://news.example.com/icon.png", child(feed, ATOM, "icon").getTextContent());
        assertEquals("Copyright Test", child(feed, ATOM, "rights").getTextContent());
    }

    @Test
    void entryHasIdUpdatedPublishedAndHtmlContent() {
        Element entry = child(root(TestFeeds.item("a1", "<p>b</p>", List.of())), ATOM, "entry");
        assertEquals("tag:news.example.com,2022:article:a1", child(entry, ATOM, "id").getTextContent());
        assertEquals("2022-03-17T09:42:00Z", child(entry, ATOM, "published").getTextContent());
        assertEquals("2022-03-18T10:00:00Z", child(entry, ATOM, "updated").getTextContent());
        Element content = child(entry, ATOM, "content");
        assertEquals("html", content.getAttribute("type"));
        assertEquals("<p>b</p>", content.getTextContent());
        assertEquals("text", child(entry, ATOM, "summary").getAttribute("type"));
    }

    @Test
    void everyImageIsAnEnclosureLinkAndAMediaContentWithCaptionAndCredit() {
        Element entry = child(root(TestFeeds.item("a1", "<p>b</p>",
                List.of(TestFeeds.image("a1", 1), TestFeeds.image("a1", 2)))), ATOM, "entry");
        List<Element> enclosures = children(entry, ATOM, "link").stream()
                .filter(l -> l.getAttribute("rel").equals("enclosure")).toList();
        assertEquals(2, enclosures.size());
        assertEquals("https://media.example.com/a1-img2.jpg", enclosures.get(1).getAttribute("href"));
        assertEquals("100002", enclosures.get(1).getAttribute("length"));
        List<Element> contents = children(entry, MEDIA, "content");
        assertEquals(2, contents.size());
        assertEquals("a1-img2-caption", child(contents.get(1), MEDIA, "description").getTextContent());
        assertEquals("a1-img2-credit", child(contents.get(1), MEDIA, "credit").getTextContent());
    }

    @Test
    void categoriesHaveTermAndLabel() {
        Element entry = child(root(TestFeeds.item("a1", "<p>b</p>", List.of())), ATOM, "entry");
        List<Element> categories = children(entry, ATOM, "category");
        assertEquals("world", categories.get(0).getAttribute("term"));
        assertEquals("World", categories.get(0).getAttribute("label"));
        assertEquals("a1-tag", categories.get(1).getAttribute("term"));
    }

    @Test
    void picturesStayInArticleOrderWhenOnlyALaterOneHasRenditions() {
        FeedImage grouped = TestFeeds.withRenditions(TestFeeds.image("a1", 2), 640);
        Element entry = child(root(TestFeeds.item("a1", "<p>b</p>", List.of(TestFeeds.image("a1", 1), grouped))), ATOM, "entry");
        List<String> media = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = entry.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && MEDIA.equals(e.getNamespaceURI()) && List.of("content", "group").contains(e.getLocalName())) {
                media.add(e.getLocalName());
            }
        }
        assertEquals(List.of("content", "group"), media, "the lead picture first, as in the article");
        List<Element> sizes = children(child(entry, MEDIA, "group"), MEDIA, "content");
        assertEquals("true", sizes.get(0).getAttribute("isDefault"));
        assertEquals("https://media.example.com/a1-img2-640.jpg", sizes.get(1).getAttribute("url"));
        assertEquals("a1-img2-caption", child(sizes.get(1), MEDIA, "description").getTextContent());
    }
}
