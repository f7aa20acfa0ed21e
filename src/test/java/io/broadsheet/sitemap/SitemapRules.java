package io.broadsheet.sitemap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a sitemap must be: valid against sitemaps.org's schemas (src/test/resources/sitemaps/, CC BY-SA 2.5), and, for
 * the {@code news:} and {@code image:} elements whose schemas Google does not let us ship, the rules Google publishes
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap and .../image-sitemaps), checked
 * here by code. The news sitemap is validated against {@code sitemap.xsd} with those elements removed: the schema's
 * {@code xsd:any namespace="##other"} is strict and would otherwise ask for Google's schemas.
 */
final class SitemapRules {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}|zh-cn|zh-tw");
    /** W3C Datetime with a time zone, to the second or finer (Google asks for a complete date with time and zone). */
    private static final Pattern W3C = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    private SitemapRules() {
    }

    /** One {@code url} of the news sitemap as read back. */
    record NewsUrl(String loc, String name, String language, Instant published, String title, List<String> images) {
    }

    /** The document, namespace-aware, after checking it against {@code xsd} (a file of src/test/resources/sitemaps). */
    static Document valid(String xml, String xsd) {
        Document document = parse(xml);
        Document stripped = parse(xml);
        strip(stripped.getDocumentElement());
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            Schema schema = factory.newSchema(SitemapRules.class.getResource("/sitemaps/" + xsd));
            schema.newValidator().validate(new DOMSource(stripped));
        } catch (SAXException | IOException e) {
            fail("expected a document valid against " + xsd + ", got: " + e.getMessage() + "\n" + head(xml));
        }
        return document;
    }

    /** The {@code loc} of each {@code url} (or {@code sitemap}) in document order. */
    static List<String> locs(Document document) {
        List<String> locs = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS(SITEMAP_NS, "loc");
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(nodes.item(i).getTextContent());
        }
        return locs;
    }

    /** The {@code lastmod} of each entry, in document order. */
    static List<Instant> lastmods(Document document) {
        List<Instant> dates = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS(SITEMAP_NS, "lastmod");
        for (int i = 0; i < nodes.getLength(); i++) {
            dates.add(OffsetDateTime.parse(nodes.item(i).getTextContent()).toInstant());
        }
        return dates;
    }

    /**
     * Every {@code url} of a news sitemap read at {@code now}, after checking Google's rules: at most 1,000, each with
     * one {@code news:news} holding {@code news:publication} (a non-empty {@code news:name}, an ISO 639
     * {@code news:language}), a W3C {@code news:publication_date} with its zone no more than two days old, a
     * non-empty {@code news:title}; at most 1,000 {@code image:image}, each with one absolute {@code image:loc}.
     */
    static List<NewsUrl> news(Document document, Instant now) {
        NodeList urls = document.getElementsByTagNameNS(SITEMAP_NS, "url");
        assertTrue(urls.getLength() <= 1000, "at most 1,000 news URLs, got " + urls.getLength());
        List<NewsUrl> read = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = text(only(url, SITEMAP_NS, "loc"));
            Element news = only(url, NEWS_NS, "news");
            Element publication = only(news, NEWS_NS, "publication");
            String name = text(only(publication, NEWS_NS, "name"));
            String language = text(only(publication, NEWS_NS, "language"));
            String date = text(only(news, NEWS_NS, "publication_date"));
            String title = text(only(news, NEWS_NS, "title"));
            assertFalse(name.isBlank(), loc + ": news:name");
            assertTrue(LANGUAGE.matcher(language).matches(), loc + ": expected an ISO 639 news:language, got " + language);
            assertTrue(W3C.matcher(date).matches(), loc + ": expected a W3C date with time and zone, got " + date);
            Instant published = OffsetDateTime.parse(date).toInstant();
            assertTrue(!published.isAfter(now) && published.isAfter(now.minus(Duration.ofHours(48))),
                    loc + ": expected a publication in the two days before " + now + ", got " + published);
            assertFalse(title.isBlank(), loc + ": news:title");
            List<String> images = new ArrayList<>();
            for (Element image : children(url, IMAGE_NS, "image")) {
                String src = text(only(image, IMAGE_NS, "loc"));
                assertTrue(URI.create(src).isAbsolute(), loc + ": expected an absolute image:loc, got " + src);
                images.add(src);
            }
            assertTrue(images.size() <= 1000, loc + ": at most 1,000 images, got " + images.size());
            read.add(new NewsUrl(loc, name, language, published, title, images));
        }
        return read;
    }

    private static Element only(Element parent, String ns, String name) {
        List<Element> found = children(parent, ns, name);
        assertEquals(1, found.size(), "expected one " + name + " in " + parent.getLocalName() + ", got " + found.size());
        return found.get(0);
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element.getTextContent();
    }

    /** Removes the elements of Google's namespaces, which sitemap.xsd's strict wildcard cannot check without them. */
    private static void strip(Element element) {
        for (Node child = element.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child instanceof Element e) {
                if (NEWS_NS.equals(e.getNamespaceURI()) || IMAGE_NS.equals(e.getNamespaceURI())) {
                    element.removeChild(e);
                } else {
                    strip(e);
                }
            }
            child = next;
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("expected well-formed XML, got: " + e.getMessage() + "\n" + head(xml), e);
        }
    }

    private static String head(String xml) {
        return xml.length() > 2000 ? xml.substring(0, 2000) + "..." : xml;
    }
}
