package io.broadsheet.article;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans article bodies on write: a safelist of text markup, images and figures, only http, https and
 * mailto links, no script, style, iframe or event handler; relative URLs made absolute.
 */
public final class HtmlSanitiser {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("figure", "figcaption", "s", "hr", "abbr", "time")
            .addAttributes("img", "loading")
            .addAttributes("time", "datetime")
            .addAttributes("abbr", "title")
            .addAttributes("a", "rel", "hreflang")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(false);

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);

    private final String baseUri;

    /** @param baseUri the site base URL, against which relative links and images are resolved */
    public HtmlSanitiser(String baseUri) {
        this.baseUri = baseUri.endsWith("/") ? baseUri : baseUri + "/";
    }

    /** The safe form of an HTML fragment; null stays null. */
    public String sanitise(String html) {
        if (html == null) {
            return null;
        }
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, baseUri, SAFELIST, OUTPUT), baseUri);
        clean.select("img:not([src])").remove(); // an image whose source was unsafe shows nothing
        clean.outputSettings(OUTPUT);
        return clean.body().html();
    }
}
