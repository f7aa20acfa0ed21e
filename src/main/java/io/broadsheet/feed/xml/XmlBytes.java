package io.broadsheet.feed.xml;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedGenerator;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serialises what a ROME generator writes with JDOM's raw format: text is written exactly as given (ROME's pretty
 * and compact outputs trim or collapse it), and the XML writer does all escaping.
 */
public final class XmlBytes {

    private static final Format RAW = Format.getRawFormat()
            .setEncoding(StandardCharsets.UTF_8.name())
            .setLineSeparator(LineSeparator.NL);

    private XmlBytes() {
    }

    /** The document {@code generator} writes for {@code feed}, modules included, as UTF-8 bytes. */
    public static byte[] of(WireFeedGenerator generator, WireFeed feed) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            new XMLOutputter(RAW).output(generator.generate(feed), out);
            return out.toByteArray();
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be rendered: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
