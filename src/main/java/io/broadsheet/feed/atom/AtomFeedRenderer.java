package io.broadsheet.feed.atom;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.Module;
import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedAuthor;
import io.broadsheet.feed.FeedCategory;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedRenderer;
import io.broadsheet.feed.xml.AtomLinks;
import io.broadsheet.lifecycle.Lifecycle;
import io.broadsheet.feed.xml.XmlBytes;
import io.broadsheet.feed.media.MediaRss;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.broadsheet.feed.xml.AtomLinks.link;

/**
 * Atom 1.0 from ROME's {@link com.rometools.rome.feed.atom.Feed} bean. ROME checks nothing, so this class
 * always writes the feed id, updated, self link and author, and each entry's id, updated and published.
 * Spec: https://www.rfc-editor.org/rfc/rfc4287
 */
@Singleton
public class AtomFeedRenderer implements FeedRenderer {

    private static final String HTML = "text/html";

    private final AtomGenerator atomGenerator = new AtomGenerator();

    @Override
    public FeedFormat format() {
        return FeedFormat.ATOM;
    }

    @Override
    public byte[] render(Feed feed) {
        com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed(AtomGenerator.TYPE);
        atom.setId(feed.id());
        atom.setTitleEx(text(feed.title()));
        atom.setSubtitle(text(feed.description()));
        atom.setUpdated(Date.from(feed.updated()));
        atom.setAlternateLinks(new ArrayList<>(List.of(link("alternate", feed.homePageUrl(), HTML))));
        atom.setOtherLinks(AtomLinks.feedLinks(feed, FeedFormat.ATOM));
        atom.setAuthors(new ArrayList<>(List.of(person(feed.author()))));
        if (feed.icon() != null) {
            atom.setIcon(feed.icon().toString());
            atom.setLogo(feed.icon().toString());
        }
        if (feed.copyright() != null) {
            atom.setRights(feed.copyright());
        }
        Generator generator = new Generator();
        generator.setValue(feed.generator());
        atom.setGenerator(generator);
        atom.setEntries(feed.items().stream().map(i -> entry(i, feed.mediaRss15())).toList());
        List<Module> modules = new ArrayList<>(List.of(new FeedLanguage(feed.language())));
        var tombstones = Lifecycle.atomTombstones(feed); // written after the header: ahead of the entries
        if (tombstones != null) {
            modules.add(tombstones);
        }
        atom.setModules(modules);
        return XmlBytes.of(atomGenerator, atom);
    }

    private static Entry entry(FeedItem item, boolean mediaRss15) {
        Entry entry = new Entry();
        entry.setId(item.id());
        entry.setTitleEx(text(item.title()));
        entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", item.url(), HTML))));
        List<Link> enclosures = new ArrayList<>();
        for (FeedImage image : item.images()) {
            Link link = link("enclosure", image.url(), image.mimeType());
            if (image.length() != null) {
                link.setLength(image.length());
            }
            enclosures.add(link);
        }
        entry.setOtherLinks(enclosures);
        entry.setSummary(text(item.summary()));
        if (item.contentHtml() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(item.contentHtml());
            entry.setContents(new ArrayList<>(List.of(content)));
        }
        entry.setPublished(Date.from(item.published()));
        entry.setUpdated(Date.from(item.updated()));
        entry.setAuthors(new ArrayList<>(item.authors().stream().map(AtomFeedRenderer::person).toList()));
        List<Category> categories = new ArrayList<>();
        for (FeedCategory c : item.categories()) {
            categories.add(category(c.term(), c.label()));
        }
        item.tags().forEach(tag -> categories.add(category(tag, tag)));
        entry.setCategories(categories);
        List<Module> modules = new ArrayList<>();
        var media = MediaRss.module(item, mediaRss15);
        if (media != null) {
            modules.add(media);
        }
        var lifecycle = Lifecycle.atomEntry(item);
        if (lifecycle != null) {
            modules.add(lifecycle);
        }
        entry.setModules(modules);
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Person person(FeedAuthor author) {
        Person person = new Person();
        person.setName(author.name());
        person.setUri(author.url());
        return person;
    }

    private static Category category(String term, String label) {
        Category category = new Category();
        category.setTerm(term);
        category.setLabel(label);
        return category;
    }

}
