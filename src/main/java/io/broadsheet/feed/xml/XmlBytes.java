package io.broadsheet.feed.xml;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
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
 * compact outputs trim or collapse it), and the XML writer does all escaping.
 */
public final class XmlBytes {

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
