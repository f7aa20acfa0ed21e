package io.broadsheet.feed.rss;

import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.module.SyModuleImpl;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.feed.rss.Item;
import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedAuthor;
import io.broadsheet.feed.FeedCategory;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedRenderer;
import io.broadsheet.feed.Freshness;
import io.broadsheet.feed.xml.AtomLinks;
import io.broadsheet.lifecycle.Lifecycle;
import io.broadsheet.feed.xml.XmlBytes;
import io.broadsheet.feed.media.MediaRss;
import jakarta.inject.Singleton;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * RSS 2.0 from ROME's {@link Channel} bean, so that every element is ours and nothing is mirrored into
 * Dublin Core: dc:creator for authors is the only DC element written.
 * Spec: https://www.rssboard.org/rss-specification, profile: https://www.rssboard.org/rss-profile
 */
@Singleton
public class RssFeedRenderer implements FeedRenderer {

    static final String DOCS = "https://www.rssboard.org/rss-specification";
    private final RssGenerator generator = new RssGenerator();

    @Override
    public FeedFormat format() {
        return FeedFormat.RSS;
    }

    @Override
    public byte[] render(Feed feed) {
        Channel channel = new Channel(RssGenerator.TYPE);
        channel.setTitle(feed.title());
        channel.setLink(feed.homePageUrl());
        channel.setDescription(feed.description());
        channel.setLanguage(feed.language());
        channel.setCopyright(feed.copyright());
        channel.setGenerator(feed.generator());
        channel.setDocs(DOCS);
        channel.setLastBuildDate(Date.from(feed.updated()));
        if (feed.icon() != null) {
            Image image = new Image();
            image.setUrl(feed.icon().toString());
            image.setTitle(feed.title());
            image.setLink(feed.homePageUrl());
            // ROME starts both at -1 and writes them: RSS 2.0 allows 1 to 144 and 1 to 400, or none (88 by 31)
            image.setWidth(null);
            image.setHeight(null);
            channel.setImage(image);
        }
        Freshness freshness = Freshness.of(feed.maxAge());
        channel.setTtl(freshness.ttlMinutes());
        AtomLinkModuleImpl atom = new AtomLinkModuleImpl();
        atom.setLinks(AtomLinks.feedLinks(feed, FeedFormat.RSS));
        // ROME writes no Syndication module for RSS 2.0: RssGenerator's type registers its generator
        SyModuleImpl syndication = new SyModuleImpl();
        syndication.setUpdatePeriod(freshness.updatePeriod());
        syndication.setUpdateFrequency(freshness.updateFrequency());
        channel.setModules(new ArrayList<>(List.of(atom, syndication)));
        List<Item> items = Lifecycle.rssTombstoneItems(feed); // tombstones stand ahead of the items
        feed.items().forEach(i -> items.add(item(i, feed.mediaRss15())));
        channel.setItems(items);
        return XmlBytes.of(generator, channel);
    }

    private static Item item(FeedItem entry, boolean mediaRss15) {
        Item item = new Item();
        item.setTitle(entry.title());
        item.setLink(entry.url());
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(entry.id());
        item.setGuid(guid);
        Description description = new Description();
        // description is HTML by the RSS spec: escape the plain-text summary so that it is shown as written
        description.setValue(Entities.escape(entry.summary()));
        item.setDescription(description);
        if (entry.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(entry.contentHtml());
            item.setContent(content);
        }
        item.setPubDate(Date.from(entry.published()));
        List<Category> categories = new ArrayList<>();
        for (FeedCategory c : entry.categories()) {
            categories.add(category(c.label()));
        }
        entry.tags().forEach(tag -> categories.add(category(tag)));
        item.setCategories(categories);
        FeedImage lead = entry.leadImage();
        if (lead != null && lead.mimeType() != null) {
            // One enclosure per item (the lead image); every image still gets a media:content.
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(lead.url());
            enclosure.setType(lead.mimeType());
            // 0 when unknown, as the RSS Advisory Board recommends
            enclosure.setLength(lead.length() == null ? 0 : lead.length());
            item.setEnclosures(List.of(enclosure));
        }
        List<Module> modules = new ArrayList<>();
        if (!entry.authors().isEmpty()) {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreators(entry.authors().stream().map(FeedAuthor::name).toList());
            modules.add(dc);
        }
        var media = MediaRss.module(entry, mediaRss15);
        if (media != null) {
            modules.add(media);
        }
        var lifecycle = Lifecycle.rssItem(entry);
        if (lifecycle != null) {
            modules.add(lifecycle);
        }
        item.setModules(modules);
        return item;
    }

    private static Category category(String value) {
        Category category = new Category();
        category.setValue(value);
        return category;
    }

}
