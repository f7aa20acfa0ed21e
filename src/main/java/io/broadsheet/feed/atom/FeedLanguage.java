package io.broadsheet.feed.atom;

import io.broadsheet.feed.xml.OutputModule;
import org.jdom2.Namespace;

/**
 * An Atom feed's language, which ROME's Atom generator does not write: {@code xml:lang} on the feed element, written
 * by {@link FeedLanguageGenerator}.
 * Spec: https://www.rfc-editor.org/rfc/rfc4287#section-2
 */
public final class FeedLanguage extends OutputModule {

    private final String language;

    public FeedLanguage(String language) {
        super(Namespace.XML_NAMESPACE.getURI());
        this.language = language;
    }

    public String language() {
        return language;
    }
}
