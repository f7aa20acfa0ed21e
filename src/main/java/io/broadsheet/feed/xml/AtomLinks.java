package io.broadsheet.feed.xml;

import com.rometools.rome.feed.atom.Link;
import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedFormat;

import java.util.ArrayList;
import java.util.List;

/** Atom {@code link} elements, as Atom feeds and RSS's {@code atom:link} both carry them. */
public final class AtomLinks {

    private AtomLinks() {
    }

    /**
     * The links of a feed document: self, the RFC 5005 paging links, and each WebSub hub.
     * Specs: https://www.rfc-editor.org/rfc/rfc5005#section-3, https://www.w3.org/TR/websub/#discovery
     */
    public static List<Link> feedLinks(Feed feed, FeedFormat format) {
        List<Link> links = new ArrayList<>();
        links.add(link("self", feed.selfUrl(format), format.mediaType()));
        feed.pagingLinks(format).forEach((rel, href) -> links.add(link(rel, href, format.mediaType())));
        feed.hubs().forEach(hub -> links.add(link("hub", hub, null)));
        return links;
    }

    /** A link; {@code type} may be null (hubs have none). */
    public static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        if (type != null) {
            link.setType(type);
        }
        return link;
    }
}
