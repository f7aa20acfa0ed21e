package io.broadsheet.sitemap;

import io.broadsheet.input.XmlText;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Writes the sitemaps protocol's documents through StAX, element by element, so that a page of 50,000 URLs streams
 * from its rows into the output without a list of them: a sitemap index, a {@code urlset} of article pages, and the
 * news sitemap with Google's {@code news:} and {@code image:} elements. The writer escapes; output is deterministic
 * (fixed namespaces and prefixes, UTC dates in whole seconds, one URL a line). Text passes {@link XmlText#clean} as
 * the feeds' does at render time, so that a stored control character cannot make a document malformed.
 * Specs: https://www.sitemaps.org/protocol.html,
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap,
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/image-sitemaps
 */
final class SitemapWriter implements AutoCloseable {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    /** W3C Datetime (https://www.w3.org/TR/NOTE-datetime) in UTC, to the second: {@code 2026-12-07T10:00:00Z}. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssX", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;

    private SitemapWriter(OutputStream out, String root, boolean news) {
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(SITEMAP_NS);
            if (news) {
                xml.writeNamespace("news", NEWS_NS);
                xml.writeNamespace("image", IMAGE_NS);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer refused a sitemap's root", e);
        }
    }

    /** A sitemap index ({@code sitemapindex}). */
    static SitemapWriter index(OutputStream out) {
        return new SitemapWriter(out, "sitemapindex", false);
    }

    /** A sitemap of URLs ({@code urlset}); {@code news} declares the news and image namespaces. */
    static SitemapWriter urlset(OutputStream out, boolean news) {
        return new SitemapWriter(out, "urlset", news);
    }

    /** One {@code sitemap} of an index: its location and when it last changed. */
    void sitemap(String loc, Instant lastModified) {
        entry("sitemap", loc, lastModified);
    }

    /** One {@code url} of a page: the article page's location and when the article last changed. */
    void url(String loc, Instant lastModified) {
        entry("url", loc, lastModified);
    }

    /** One {@code url} of the news sitemap: {@code news:news} and an {@code image:image} for each picture. */
    void news(String loc, String publication, String language, Instant published, String title, List<String> images) {
        try {
            xml.writeCharacters("\n");
            xml.writeStartElement("url");
            text("loc", loc);
            xml.writeStartElement("news", "news", NEWS_NS);
            xml.writeStartElement("news", "publication", NEWS_NS);
            xml.writeStartElement("news", "name", NEWS_NS);
            xml.writeCharacters(XmlText.clean(publication));
            xml.writeEndElement();
            xml.writeStartElement("news", "language", NEWS_NS);
            xml.writeCharacters(language);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("news", "publication_date", NEWS_NS);
            xml.writeCharacters(w3c(published));
            xml.writeEndElement();
            xml.writeStartElement("news", "title", NEWS_NS);
            xml.writeCharacters(XmlText.clean(title));
            xml.writeEndElement();
            xml.writeEndElement();
            for (String image : images) {
                xml.writeStartElement("image", "image", IMAGE_NS);
                xml.writeStartElement("image", "loc", IMAGE_NS);
                xml.writeCharacters(XmlText.clean(image));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer refused a news sitemap entry", e);
        }
    }

    @Override
    public void close() {
        try {
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer could not end a sitemap", e);
        }
    }

    /** W3C Datetime in UTC to the second, as {@code lastmod} and {@code news:publication_date} take it. */
    static String w3c(Instant instant) {
        return W3C.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private void entry(String element, String loc, Instant lastModified) {
        try {
            xml.writeCharacters("\n");
            xml.writeStartElement(element);
            text("loc", loc);
            if (lastModified != null) {
                text("lastmod", w3c(lastModified));
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer refused a sitemap entry", e);
        }
    }

    private void text(String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(XmlText.clean(value));
        xml.writeEndElement();
    }
}
