package io.broadsheet.feed;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Neutral feeds built by hand for renderer tests, and DOM helpers to look at what a renderer wrote. */
final class TestFeeds {

    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private TestFeeds() {
    }

    static FeedImage image(String key, int n) {
        return new FeedImage("https://media.example.com/" + key + "-img" + n + ".jpg", "image/jpeg", 1200, 800,
                100_000L + n, key + "-img" + n + "-caption", key + "-img" + n + "-credit", key + "-img" + n + "-alt");
    }

    /** The same picture with its rights and renditions of these widths (null: unknown), named by width. */
    static FeedImage withRenditions(FeedImage image, Integer... widths) {
        List<FeedImage.Rendition> renditions = new ArrayList<>();
        for (Integer width : widths) {
            renditions.add(new FeedImage.Rendition(image.url().replace(".jpg", "-" + width + ".jpg"), width,
                    width == null ? null : width * 2 / 3, "image/jpeg"));
        }
        return new FeedImage(image.url(), image.mimeType(), image.width(), image.height(), image.length(),
                image.caption(), image.credit(), image.alt(), image.caption().replace("caption", "copyright"),
                "https://licenses.example.com/" + image.caption().replace("-caption", ""), renditions);
    }

    /** The same picture with another width (null: unknown). */
    static FeedImage withWidth(FeedImage image, Integer width) {
        return new FeedImage(image.url(), image.mimeType(), width, image.height(), image.length(), image.caption(),
                image.credit(), image.alt(), image.copyright(), image.license(), image.renditions());
    }

    static FeedItem item(String key, String body, List<FeedImage> images) {
        return new FeedItem("tag:news.example.com,2022:article:" + key, "https://news.example.com/" + key,
                key + "-title", key + "-summary", body == null ? null : FeedAssembler.contentHtml(images, body),
                Instant.parse("2022-03-17T09:42:00Z"), Instant.parse("2022-03-18T10:00:00Z"),
                List.of(new FeedAuthor(key + "-author1", null), new FeedAuthor(key + "-author2", "https://example.com/a2")),
                List.of(new FeedCategory("world", "World")), List.of(key + "-tag"), "en", images);
    }

    static Feed feed(FeedItem... items) {
        return page(1, 1, List.of(), items);
    }

    static Feed page(int page, int lastPage, List<String> hubs, FeedItem... items) {
        return new Feed("world", "World news", "World news description", "https://news.example.com/",
                "https://news.example.com/feeds/world", "tag:news.example.com,2022:feed:world",
                Instant.parse("2022-03-18T10:00:00Z"), "en", URI.create("https://news.example.com/icon.png"),
                "Copyright Test", "Broadsheet", new FeedAuthor("Desk", "https://news.example.com/"), List.of(items),
                page, lastPage, hubs, 300);
    }

    static Document dom(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + new String(xml), e);
        }
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(e.getLocalName())
                    && java.util.Objects.equals(namespace, e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + localName + " in " + parent.getTagName() + ", found " + found.size());
        }
        return found.get(0);
    }

    static List<String> childNames(Element parent) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e) {
                out.add(e.getTagName());
            }
        }
        return out;
    }
}
