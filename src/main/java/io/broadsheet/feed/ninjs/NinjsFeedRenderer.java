package io.broadsheet.feed.ninjs;

import io.broadsheet.feed.Feed;
import io.broadsheet.feed.FeedAuthor;
import io.broadsheet.feed.FeedCategory;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;
import io.broadsheet.feed.FeedRenderer;
import io.broadsheet.feed.FeedTombstone;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * IPTC ninjs 3.3: a JSON array of news items, the withdrawn ones first (as JSON Feed lists its tombstones), then the
 * page's items in the feed's order. Paging is in the answer's {@code Link} header fields, as the array has no room for
 * it. Writes only members the schema defines, and none empty.
 * Spec: https://www.iptc.org/std/ninjs/ninjs-schema_3.3.json
 */
@Singleton
public class NinjsFeedRenderer implements FeedRenderer {

    static final NinjsDocument.Standard STANDARD = new NinjsDocument.Standard("ninjs", "3.3",
            "http://www.iptc.org/std/ninjs/ninjs-schema_3.3.json#");
    private static final Argument<List<NinjsDocument.Item>> DOCUMENT = Argument.listOf(NinjsDocument.Item.class);
    private static final String TEXT = "text/plain";
    private static final String HTML = "text/html";

    private final JsonMapper json;

    public NinjsFeedRenderer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public FeedFormat format() {
        return FeedFormat.NINJS;
    }

    @Override
    public byte[] render(Feed feed) {
        List<NinjsDocument.Item> items = new ArrayList<>(feed.tombstones().size() + feed.items().size());
        feed.tombstones().forEach(t -> items.add(canceled(t)));
        feed.items().forEach(item -> items.add(item(item, feed.copyright())));
        try {
            return json.writeValueAsBytes(DOCUMENT, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A withdrawn item: its uri, {@code canceled}, when it was withdrawn ({@code versionCreated}) and why. */
    private static NinjsDocument.Item canceled(FeedTombstone t) {
        return new NinjsDocument.Item(t.id(), STANDARD, "text", null, "canceled", null, date(t.published()),
                date(t.withdrawnAt()), null, present(t.reason()), null, null, null, null, null, null, null, null);
    }

    private static NinjsDocument.Item item(FeedItem item, String copyright) {
        boolean full = item.contentHtml() != null;
        return new NinjsDocument.Item(
                item.id(),
                STANDARD,
                "text",
                full ? "full" : "partial",
                "usable",
                present(item.language()),
                date(item.published()),
                date(item.updated()),
                item.expires() == null ? null : date(item.expires()),
                null,
                present(copyright),
                present(item.authors().stream().map(FeedAuthor::name).collect(Collectors.joining(", "))),
                List.of(new NinjsDocument.Text(null, TEXT, item.title())),
                texts(new NinjsDocument.Text("summary", TEXT, present(item.summary()))),
                full ? List.of(new NinjsDocument.Text(null, HTML, item.contentHtml())) : null,
                orNull(subjects(item)),
                List.of(new NinjsDocument.Rendition("web", item.url(), HTML, null, null, null)),
                orNull(pictures(item.images())));
    }

    /** The categories (name and slug), then the tags not named as a category already, as JSON Feed's tags. */
    private static List<NinjsDocument.Subject> subjects(FeedItem item) {
        List<NinjsDocument.Subject> subjects = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FeedCategory category : item.categories()) {
            if (names.add(category.label())) {
                subjects.add(new NinjsDocument.Subject(category.label(), category.term()));
            }
        }
        for (String tag : item.tags()) {
            if (names.add(tag)) {
                subjects.add(new NinjsDocument.Subject(tag, null));
            }
        }
        return subjects;
    }

    private static List<NinjsDocument.Picture> pictures(List<FeedImage> images) {
        List<NinjsDocument.Picture> pictures = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            FeedImage image = images.get(i);
            pictures.add(new NinjsDocument.Picture(image.url(), "picture-" + (i + 1), "picture", present(image.credit()),
                    texts(new NinjsDocument.Text("caption", TEXT, present(image.caption())),
                            new NinjsDocument.Text("alt", TEXT, present(image.alt()))),
                    present(image.copyright()),
                    image.license() == null ? null : new NinjsDocument.RightsInfo(image.license()),
                    renditions(image)));
        }
        return pictures;
    }

    /** Every size of a picture: the original (with its size in bytes), then the renditions in the order sent. */
    private static List<NinjsDocument.Rendition> renditions(FeedImage image) {
        List<NinjsDocument.Rendition> renditions = new ArrayList<>(image.renditions().size() + 1);
        renditions.add(new NinjsDocument.Rendition("original", image.url(), image.mimeType(), image.width(),
                image.height(), image.length()));
        for (int i = 0; i < image.renditions().size(); i++) {
            FeedImage.Rendition r = image.renditions().get(i);
            renditions.add(new NinjsDocument.Rendition("rendition-" + (i + 1), r.url(), r.mimeType(), r.width(),
                    r.height(), null));
        }
        return renditions;
    }

    /** The texts that have a value, or null for none. */
    private static List<NinjsDocument.Text> texts(NinjsDocument.Text... texts) {
        List<NinjsDocument.Text> present = new ArrayList<>(texts.length);
        for (NinjsDocument.Text text : texts) {
            if (text.value() != null) {
                present.add(text);
            }
        }
        return orNull(present);
    }

    private static <T> List<T> orNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    /** Null for a missing or blank text: the member is left out rather than written empty. */
    private static String present(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
