package io.broadsheet.lifecycle;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.Set;

/** Writes an {@link ItemLifecycle} at the end of its item or entry: {@code dcterms:modified}, then {@code dcterms:valid}. */
public final class ItemLifecycleGenerator implements ModuleGenerator {

    private static final Set<Namespace> NAMESPACES = Set.of(Lifecycle.DCTERMS);

    @Override
    public String getNamespaceUri() {
        return Lifecycle.DCTERMS.getURI();
    }

    @Override
    public Set<Namespace> getNamespaces() {
        return NAMESPACES;
    }

    @Override
    public void generate(Module module, Element element) {
        ItemLifecycle lifecycle = (ItemLifecycle) module;
        if (lifecycle.modified() != null) {
            element.addContent(new Element("modified", Lifecycle.DCTERMS).setText(lifecycle.modified()));
        }
        if (lifecycle.valid() != null) {
            element.addContent(new Element("valid", Lifecycle.DCTERMS).setText(lifecycle.valid()));
        }
    }
}
