package io.broadsheet.feed.atom;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.Set;

/** Writes a {@link FeedLanguage} as {@code xml:lang} on the feed element; the xml prefix is never declared. */
public final class FeedLanguageGenerator implements ModuleGenerator {

    @Override
    public String getNamespaceUri() {
        return Namespace.XML_NAMESPACE.getURI();
    }

    @Override
    public Set<Namespace> getNamespaces() {
        return Set.of();
    }

    @Override
    public void generate(Module module, Element feed) {
        feed.setAttribute("lang", ((FeedLanguage) module).language(), Namespace.XML_NAMESPACE);
    }
}
