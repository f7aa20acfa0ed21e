package io.broadsheet.pages;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * HTML5 conformance as far as a parser can tell, for any page a test fetched: the HTML5 parsing algorithm (jsoup's)
 * reports no parse error at all, and the page has {@code <!doctype html>}, a language on {@code <html>}, exactly one
 * {@code <h1>}, and an {@code alt} attribute on every {@code <img>}.
 */
public final class Html5 {

    private static final int MAX_ERRORS = 100;

    private Html5() {
    }

    /** Fails, naming {@code what} (such as "the home page") and every problem, unless {@code html} conforms. */
    public static Document assertConforms(String html, String what) {
        Parser parser = Parser.htmlParser().setTrackErrors(MAX_ERRORS);
        Document document = Jsoup.parse(html, "", parser);
        List<ParseError> errors = parser.getErrors();
        if (!errors.isEmpty()) {
            fail(what + ": expected no HTML5 parse error, got " + errors.size() + ":\n"
                    + errors.stream().map(e -> "  " + e.getPosition() + " (" + e.getCursorPos() + "): " + e.getErrorMessage()
                    + " near: " + excerpt(html, e.getPosition())).collect(Collectors.joining("\n")));
        }
        DocumentType doctype = document.documentType();
        assertNotNull(doctype, what + ": expected <!doctype html> first");
        assertEquals("html", doctype.name(), what + ": expected the HTML5 doctype, got " + doctype);
        // about:legacy-compat is HTML5's doctype for markup generators that cannot write the short one (XSLT)
        assertTrue(doctype.publicId().isEmpty()
                        && (doctype.systemId().isEmpty() || doctype.systemId().equals("about:legacy-compat")),
                what + ": expected the plain HTML5 doctype, got " + doctype);
        String lang = document.selectFirst("html").attr("lang");
        assertFalse(lang.isBlank(), what + ": expected <html lang=...>, got none");
        assertEquals(1, document.select("h1").size(), what + ": expected exactly one <h1>, got "
                + document.select("h1").eachText());
        for (Element img : document.select("img")) {
            assertTrue(img.hasAttr("alt"), what + ": expected an alt attribute on every <img>, not on " + img.outerHtml());
        }
        for (Element input : document.select("input:not([type=hidden]), select, textarea")) {
            assertTrue(!input.id().isEmpty() && document.selectFirst("label[for=" + input.id() + "]") != null,
                    what + ": expected a <label for> naming " + input.outerHtml());
        }
        for (Element th : document.select("th")) {
            assertTrue(th.hasAttr("scope"), what + ": expected a scope on " + th.outerHtml());
        }
        return document;
    }

    private static String excerpt(String html, int position) {
        int from = Math.max(0, position - 60);
        int to = Math.min(html.length(), position + 20);
        return html.substring(from, to).replace("\n", "\\n");
    }
}
