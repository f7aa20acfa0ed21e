package io.broadsheet.feed.xml;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.ProcessingInstruction;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Serialises a ROME wire feed with JDOM's raw format: text is written exactly as given (ROME's pretty and
 * compact outputs trim or collapse it), and the XML writer does all escaping. Every document names the
 * stylesheet that shows it in a browser ({@link #STYLESHEET}).
 */
public final class XmlBytes {

    /**
     * Where the browser view's XSLT is, relative to the document: {@code /feeds/feed.xsl} beside
     * {@code /feeds/{name}.rss}, on the origin that served the feed (browsers load XSLT from that origin only),
     * whatever the base URL or a proxy's path prefix. Feed readers ignore processing instructions.
     * Spec: https://www.w3.org/TR/xml-stylesheet/
     */
    public static final String STYLESHEET = "feed.xsl";
    private static final String STYLESHEET_PI = "type=\"text/xsl\" href=\"" + STYLESHEET + "\"";

    private static final Format RAW = Format.getRawFormat()
            .setEncoding(StandardCharsets.UTF_8.name())
            .setLineSeparator(LineSeparator.NL);

    private XmlBytes() {
    }

    public static byte[] of(WireFeed feed) {
        return of(feed, document -> { });
    }

    /** Serialises after {@code adjust} has changed what ROME cannot express. */
    public static byte[] of(WireFeed feed, Consumer<Document> adjust) {
        try {
            Document document = new WireFeedOutput().outputJDom(feed);
            adjust.accept(document);
            // after the XML declaration, before the root element
            document.addContent(0, new ProcessingInstruction("xml-stylesheet", STYLESHEET_PI));
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            new XMLOutputter(RAW).output(document, out);
            return out.toByteArray();
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
