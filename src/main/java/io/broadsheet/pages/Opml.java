package io.broadsheet.pages;

import io.broadsheet.config.SiteConfig;
import io.broadsheet.feed.FeedDirectory;
import io.broadsheet.http.HttpDates;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every public feed as an OPML 2.0 subscription list, one {@code outline type="rss"} per feed, written by an XML
 * stream writer (which escapes every attribute). Its dates are the newest change among the feeds: the same feeds
 * give the same bytes.
 * Spec: http://opml.org/spec2.opml
 */
final class Opml {

    static final String DOCS = "http://opml.org/spec2.opml";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Opml() {
    }

    /**
     * One feed: its title, description, RSS URL ({@code xmlUrl}) and the page that shows its stories ({@code htmlUrl}).
     */
    record Outline(String title, String description, String xmlUrl, String htmlUrl) {
    }

    static byte[] write(SiteConfig site, List<Outline> outlines, List<FeedDirectory.Listed> feeds) {
        Instant changed = feeds.stream().map(FeedDirectory.Listed::lastModified).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            element(xml, "title", site.title() + " feeds");
            if (changed != null) {
                // RFC 822 dates, as OPML 2.0 asks: an IMF-fixdate is one, with a four-digit year and a two-digit day
                String date = HttpDates.format(changed);
                element(xml, "dateCreated", date);
                element(xml, "dateModified", date);
            }
            if (site.author() != null) {
                element(xml, "ownerName", site.author());
            }
            element(xml, "docs", DOCS);
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (Outline outline : outlines) {
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("outline");
                xml.writeAttribute("type", "rss");
                xml.writeAttribute("text", outline.title());
                xml.writeAttribute("title", outline.title());
                xml.writeAttribute("xmlUrl", outline.xmlUrl());
                xml.writeAttribute("htmlUrl", outline.htmlUrl());
                if (outline.description() != null) {
                    xml.writeAttribute("description", outline.description());
                }
                xml.writeAttribute("language", site.language());
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The OPML could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
