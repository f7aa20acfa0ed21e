package io.broadsheet.pages;

import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedAuthor;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedTombstone;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A feed document as the page a person sees who opens its URL in a browser: what a feed is and how to follow it, the
 * address to copy, the same feed in the other formats, the withdrawal notices and items the document carries (every
 * picture with its caption and credit), and links to the neighbouring pages. Made from the neutral model of the
 * document ({@link Feed}), so it shows what the feed shows in any format; every value is text the template escapes.
 */
@Singleton
public class FeedPage {

    private final PageResponses responses;

    public FeedPage(PageResponses responses) {
        this.responses = responses;
    }

    /**
     * An item as the page shows it.
     *
     * @param updated RFC 3339, when a change (a correction) moved it after its publication; else null
     * @param authors their names, comma-separated; empty for none
     */
    public record Item(String title, String url, String published, String publishedShown, String updated,
                       String updatedShown, String authors, String summary, List<Figure> figures) {
    }

    /** A withdrawn item's notice, where the feed carries its tombstone: no title, link or picture. */
    public record Notice(String withdrawnAt, String withdrawnShown, String reason) {
    }

    /** The page of {@code feed}, served at its {@code format}'s URL, as complete HTML. */
    public String render(Feed feed, FeedFormat format) {
        return responses.render("feed", model(feed, format), null);
    }

    static Map<String, Object> model(Feed feed, FeedFormat format) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", feed.title());
        model.put("description", blankToNull(feed.description()));
        model.put("address", feed.feedUrl(format));
        model.put("formatLabel", FeedLinks.label(format));
        List<FeedLinks.Format> formats = FeedFormat.readerFormats().stream()
                .map(f -> new FeedLinks.Format(FeedLinks.label(f), f.mediaType(), feed.feedUrl(f),
                        feed.title() + " (" + FeedLinks.label(f) + ")"))
                .toList();
        model.put("feedLinks", formats);
        model.put("otherFormats", formats.stream().filter(f -> !f.url().equals(feed.feedUrl(format))).toList());
        model.put("homePageUrl", blankToNull(feed.homePageUrl()));
        model.put("page", feed.page());
        model.put("lastPage", feed.lastPage());
        Map<String, String> paging = feed.pagingLinks(format);
        model.put("prevUrl", paging.get("previous"));
        model.put("nextUrl", paging.get("next"));
        model.put("notices", feed.tombstones().stream().map(FeedPage::notice).toList());
        model.put("items", feed.items().stream().map(FeedPage::item).toList());
        model.put("fediverse", feed.fediverse());
        return model;
    }

    private static Item item(FeedItem item) {
        Instant updated = item.updated() != null && item.published() != null && item.updated().isAfter(item.published())
                ? item.updated() : null;
        return new Item(item.title(), item.url(), Dates.iso(item.published()), Dates.shown(item.published()),
                Dates.iso(updated), Dates.shown(updated),
                item.authors().stream().map(FeedAuthor::name).collect(Collectors.joining(", ")),
                blankToNull(item.summary()), item.images().stream().map(Figure::of).toList());
    }

    private static Notice notice(FeedTombstone tombstone) {
        return new Notice(Dates.iso(tombstone.withdrawnAt()), Dates.shown(tombstone.withdrawnAt()), tombstone.reason());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
