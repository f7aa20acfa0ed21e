package io.broadsheet.lifecycle;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import io.broadsheet.feed.FeedTombstone;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.Set;

/**
 * Writes a feed's {@link Tombstones} as RFC 6721 {@code at:deleted-entry} elements; ROME calls it after the feed's
 * header, so they stand ahead of the entries.
 * Spec: https://www.rfc-editor.org/rfc/rfc6721
 */
public final class AtomTombstonesGenerator implements ModuleGenerator {

    private static final Set<Namespace> NAMESPACES = Set.of(Lifecycle.TOMBSTONES);

    @Override
    public String getNamespaceUri() {
        return Lifecycle.TOMBSTONES.getURI();
    }

    @Override
    public Set<Namespace> getNamespaces() {
        return NAMESPACES;
    }

    @Override
    public void generate(Module module, Element feed) {
        Namespace atom = feed.getNamespace();
        for (FeedTombstone t : ((Tombstones) module).tombstones()) {
            Element deleted = new Element("deleted-entry", Lifecycle.TOMBSTONES)
                    .setAttribute("ref", t.id())
                    .setAttribute("when", Lifecycle.date(t.withdrawnAt()));
            deleted.addContent(new Element("link", atom).setAttribute("rel", "alternate")
                    .setAttribute("type", "text/html").setAttribute("href", t.url()));
            deleted.addContent(new Element("comment", Lifecycle.TOMBSTONES).setText(t.reason()));
            feed.addContent(deleted);
        }
    }
}
