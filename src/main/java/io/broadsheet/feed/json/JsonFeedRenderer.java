package io.broadsheet.feed.json;

import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedAuthor;
import io.broadsheet.feed.FeedCategory;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedRenderer;
import io.broadsheet.feed.FeedTombstone;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON Feed 1.1 with the {@code _media} extension for captions and credits, and {@code _fediverse} naming the actor
 * that publishes a public feed.
 * Spec: https://www.jsonfeed.org/version/1.1/
 */
@Singleton
public class JsonFeedRenderer implements FeedRenderer {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    /** Where the {@code _media} extension is described, relative to the site base URL. */
    public static final String MEDIA_DOCS_PATH = "/docs/json-feed-media";
    /** The width the item's {@code image} is chosen for: a large picture in a reader's article view. */
    static final int IMAGE_WIDTH = 1200;

    private final JsonMapper json;

    public JsonFeedRenderer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public FeedFormat format() {
        return FeedFormat.JSON;
    }

    @Override
    public byte[] render(Feed feed) {
        String icon = feed.icon() == null ? null : feed.icon().toString();
        String mediaDocs = feed.homePageUrl().replaceAll("/$", "") + MEDIA_DOCS_PATH;
        JsonFeedDocument document = new JsonFeedDocument(VERSION, feed.title(), feed.homePageUrl(),
                feed.feedUrl(FeedFormat.JSON), feed.description(), feed.pagingLinks(FeedFormat.JSON).get("next"),
                icon, icon, feed.language(), List.of(author(feed.author())),
                feed.hubs().isEmpty() ? null : feed.hubs().stream().map(h -> new JsonFeedDocument.Hub("WebSub", h)).toList(),
                feed.fediverse() == null ? null
                        : new JsonFeedDocument.Fediverse(feed.fediverse().actor(), feed.fediverse().handle()),
                items(feed, mediaDocs));
        try {
            return json.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tombstones first, then the items. */
    private static List<JsonFeedDocument.Item> items(Feed feed, String mediaDocs) {
        List<JsonFeedDocument.Item> items = new ArrayList<>();
        for (FeedTombstone t : feed.tombstones()) {
            items.add(new JsonFeedDocument.Item(t.id(), t.url(), FeedTombstone.TITLE, null, null, t.text(), null,
                    date(t.published()), date(t.withdrawnAt()), null, null, null, null, null,
                    new JsonFeedDocument.Withdrawn(mediaDocs + "#withdrawn", date(t.withdrawnAt()), t.reason())));
        }
        feed.items().forEach(item -> items.add(item(item, mediaDocs)));
        return items;
    }

    private static JsonFeedDocument.Item item(FeedItem item, String mediaDocs) {
        Set<String> tags = new LinkedHashSet<>();
        item.categories().stream().map(FeedCategory::label).forEach(tags::add);
        tags.addAll(item.tags());
        List<JsonFeedDocument.Attachment> attachments = new ArrayList<>();
        List<JsonFeedDocument.MediaImage> media = new ArrayList<>();
        for (FeedImage image : item.images()) {
            if (image.mimeType() != null) {
                attachments.add(new JsonFeedDocument.Attachment(image.url(), image.mimeType(), image.caption(),
                        image.length()));
            }
            media.add(mediaImage(image));
        }
        FeedImage lead = item.leadImage();
        boolean full = item.contentHtml() != null;
        return new JsonFeedDocument.Item(
                item.id(),
                item.url(),
                item.title(),
                item.summary(),
                full ? item.contentHtml() : null,
                full ? null : item.summary(),
                lead == null ? null : image(lead).url(),
                date(item.published()),
                date(item.updated()),
                item.authors().isEmpty() ? null : item.authors().stream().map(JsonFeedRenderer::author).toList(),
                tags.isEmpty() ? null : List.copyOf(tags),
                item.language(),
                attachments.isEmpty() ? null : attachments,
                media.isEmpty() ? null : new JsonFeedDocument.Media(mediaDocs, media),
                null);
    }

    private static JsonFeedDocument.MediaImage mediaImage(FeedImage image) {
        List<JsonFeedDocument.MediaRendition> renditions = image.renditions().stream()
                .map(r -> new JsonFeedDocument.MediaRendition(r.url(), r.width(), r.height(), r.mimeType())).toList();
        return new JsonFeedDocument.MediaImage(image.url(), image.caption(), image.credit(), image.alt(),
                image.width(), image.height(), image.copyright(), image.license(),
                renditions.isEmpty() ? null : renditions);
    }

    /**
     * The size of the lead picture that stands as the item's {@code image}: the one whose width is closest to
     * {@value #IMAGE_WIDTH} px (the wider on a tie); sizes of unknown width only count when none has a width, and
     * then it is the original.
     */
    static FeedImage.Rendition image(FeedImage lead) {
        return lead.sizes().stream()
                .filter(size -> size.width() != null)
                .min(Comparator.<FeedImage.Rendition>comparingInt(size -> Math.abs(size.width() - IMAGE_WIDTH))
                        .thenComparing(FeedImage.Rendition::width, Comparator.reverseOrder()))
                .orElse(lead.sizes().get(0));
    }

    private static JsonFeedDocument.Author author(FeedAuthor author) {
        return new JsonFeedDocument.Author(author.name(), author.url());
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
