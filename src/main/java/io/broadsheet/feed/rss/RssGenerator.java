package io.broadsheet.feed.rss;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.module.SyModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.impl.RSS20Generator;
import io.broadsheet.lifecycle.Lifecycle;
import org.jdom2.Element;

import java.util.List;

/**
 * ROME's RSS 2.0 generator under Broadsheet's own feed type, {@value #TYPE}: it calls the module generators that
 * {@code rome.properties} registers for that type (Dublin Core, Atom links, Syndication, Media RSS in article
 * order, the lifecycle elements), whatever other libraries register for {@code rss_2.0}. The channel's Syndication
 * module ({@code sy:*}) is written after the article items, where this feed has always carried it; on a page of
 * tombstones only, before them.
 * Spec: https://www.rssboard.org/rss-specification
 */
public final class RssGenerator extends RSS20Generator {

    /** The feed type whose module generators {@code rome.properties} lists. */
    public static final String TYPE = "broadsheet_rss_2.0";

    public RssGenerator() {
        super(TYPE, "2.0");
    }

    @Override
    protected void generateFeedModules(List<Module> modules, Element channel) {
        super.generateFeedModules(modules.stream().filter(m -> !SyModule.URI.equals(m.getUri())).toList(), channel);
    }

    @Override
    protected void addItems(Channel channel, Element eChannel) throws FeedException {
        boolean articles = channel.getItems().stream()
                .anyMatch(item -> item.getModule(Lifecycle.TOMBSTONES.getURI()) == null);
        if (!articles) {
            addSyndication(channel, eChannel);
        }
        super.addItems(channel, eChannel);
        if (articles) {
            addSyndication(channel, eChannel);
        }
    }

    private void addSyndication(Channel channel, Element eChannel) {
        Module syndication = channel.getModule(SyModule.URI);
        if (syndication != null) {
            super.generateFeedModules(List.of(syndication), eChannel);
        }
    }
}
