package io.broadsheet.lifecycle;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import com.rometools.rome.io.impl.DateParser;
import io.broadsheet.feed.FeedTombstone;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.Date;
import java.util.Locale;
import java.util.Set;

/**
 * Completes an RSS tombstone item, whose title, link and description ROME has written: its {@code guid} and
 * {@code pubDate} (in that order, as tombstone items have always carried them), {@code dcterms:modified} (the
 * withdrawal), a {@code dcterms:valid} that has ended, and with Media RSS 1.5 {@code media:status state="deleted"}.
 * Spec: https://www.rssboard.org/media-rss#optional-elements (media:status)
 */
public final class RssTombstoneGenerator implements ModuleGenerator {

    private static final Set<Namespace> NAMESPACES = Set.of(Lifecycle.DCTERMS, Lifecycle.MEDIA);

    @Override
    public String getNamespaceUri() {
        return Lifecycle.TOMBSTONES.getURI();
    }

    @Override
    public Set<Namespace> getNamespaces() {
        return NAMESPACES;
    }

    @Override
    public void generate(Module module, Element item) {
        Tombstones tombstones = (Tombstones) module;
        for (FeedTombstone t : tombstones.tombstones()) {
            item.addContent(new Element("guid").setAttribute("isPermaLink", "false").setText(t.id()));
            item.addContent(new Element("pubDate").setText(DateParser.formatRFC822(Date.from(t.published()), Locale.US)));
            item.addContent(new Element("modified", Lifecycle.DCTERMS).setText(Lifecycle.date(t.withdrawnAt())));
            item.addContent(new Element("valid", Lifecycle.DCTERMS).setText(Lifecycle.period(t.published(), t.withdrawnAt())));
            if (tombstones.mediaRss15()) {
                item.addContent(new Element("status", Lifecycle.MEDIA).setAttribute("state", "deleted")
                        .setAttribute("reason", t.reason()));
            }
        }
    }
}
