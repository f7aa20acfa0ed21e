package io.broadsheet.testing;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.jsoup.parser.Parser;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses a served document of any format into a {@link ParsedFeed}. */
public final class FeedParsers {

    private FeedParsers() {
    }

    public static ParsedFeed parse(FeedFormat format, String document) {
        return switch (format) {
            case RSS -> rss((Channel) wire(document));
            case ATOM -> atom((com.rometools.rome.feed.atom.Feed) wire(document));
            case JSON -> json(document);
            case NINJS -> ninjs(document);
        };
    }

    public static WireFeed wire(String document) {
        try {
            WireFeedInput input = new WireFeedInput();
            input.setXmlHealerOn(false);
            return input.build(new StringReader(document));
        } catch (Exception e) {
            throw new AssertionError("not a parseable feed: " + e.getMessage() + "\n" + document, e);
        }
    }

    public static JsonNode jsonTree(String document) {
        try {
            return ObjectMapper.getDefault().readValue(document, Argument.of(JsonNode.class));
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + document, e);
        }
    }

    private static ParsedFeed rss(Channel channel) {
        List<ParsedFeed.Item> items = new ArrayList<>();
        for (com.rometools.rome.feed.rss.Item item : channel.getItems()) {
            DCModule dc = (DCModule) item.getModule(DCModule.URI);
            List<String> categories = item.getCategories().stream().map(c -> c.getValue()).toList();
            items.add(new ParsedFeed.Item(item.getGuid().getValue(), item.getLink(), item.getTitle(),
                    // the RSS description is HTML: unescape it to the text a reader shows
                    Parser.unescapeEntities(item.getDescription().getValue(), false),
                    item.getContent() == null ? null : item.getContent().getValue(),
                    item.getPubDate().toInstant(), null,
                    dc == null ? List.of() : dc.getCreators(), categories,
                    media(item.getModule(MediaModule.URI))));
        }
        String self = ((com.rometools.modules.atom.modules.AtomLinkModule) channel
                .getModule(com.rometools.modules.atom.modules.AtomLinkModule.URI)).getLinks().get(0).getHref();
        return new ParsedFeed(channel.getTitle(), channel.getLink(), self, items);
    }

    private static ParsedFeed atom(com.rometools.rome.feed.atom.Feed feed) {
        List<ParsedFeed.Item> items = new ArrayList<>();
        for (Entry entry : feed.getEntries()) {
            items.add(new ParsedFeed.Item(entry.getId(), entry.getAlternateLinks().get(0).getHref(),
                    entry.getTitle(), entry.getSummary().getValue(),
                    entry.getContents().isEmpty() ? null : entry.getContents().get(0).getValue(),
                    entry.getPublished().toInstant(), entry.getUpdated().toInstant(),
                    entry.getAuthors().stream().map(p -> p.getName()).toList(),
                    entry.getCategories().stream().map(c -> c.getLabel()).toList(),
                    media(entry.getModule(MediaModule.URI))));
        }
        String self = feed.getOtherLinks().stream().filter(l -> "self".equals(l.getRel())).map(Link::getHref)
                .findFirst().orElse(null);
        return new ParsedFeed(feed.getTitle(), feed.getAlternateLinks().get(0).getHref(), self, items);
    }

    private static List<ParsedFeed.Image> media(Object module) {
        if (module == null) {
            return List.of();
        }
        List<ParsedFeed.Image> images = new ArrayList<>();
        for (MediaContent content : ((MediaEntryModule) module).getMediaContents()) {
            Metadata m = content.getMetadata();
            images.add(new ParsedFeed.Image(((UrlReference) content.getReference()).getUrl().toString(),
                    content.getType(), content.getFileSize(), content.getWidth(), content.getHeight(),
                    m.getDescription(), m.getCredits().length == 0 ? null : m.getCredits()[0].getName()));
        }
        return images;
    }

    private static ParsedFeed json(String document) {
        JsonNode feed = jsonTree(document);
        List<ParsedFeed.Item> items = new ArrayList<>();
        for (JsonNode item : feed.get("items").values()) {
            List<ParsedFeed.Image> images = new ArrayList<>();
            JsonNode media = item.get("_media");
            if (media != null) {
                Map<String, JsonNode> attachments = new java.util.HashMap<>();
                if (item.get("attachments") != null) {
                    item.get("attachments").values().forEach(a -> attachments.put(text(a, "url"), a));
                }
                for (JsonNode image : media.get("images").values()) {
                    JsonNode attachment = attachments.get(text(image, "url"));
                    images.add(new ParsedFeed.Image(text(image, "url"),
                            attachment == null ? null : text(attachment, "mime_type"),
                            attachment == null || attachment.get("size_in_bytes") == null ? null
                                    : attachment.get("size_in_bytes").getLongValue(),
                            image.get("width") == null ? null : image.get("width").getIntValue(),
                            image.get("height") == null ? null : image.get("height").getIntValue(),
                            text(image, "caption"), text(image, "credit")));
                }
            }
            List<String> authors = new ArrayList<>();
            if (item.get("authors") != null) {
                item.get("authors").values().forEach(a -> authors.add(text(a, "name")));
            }
            List<String> tags = new ArrayList<>();
            if (item.get("tags") != null) {
                item.get("tags").values().forEach(t -> tags.add(t.getStringValue()));
            }
            items.add(new ParsedFeed.Item(text(item, "id"), text(item, "url"), text(item, "title"),
                    text(item, "summary"), text(item, "content_html"),
                    Instant.parse(text(item, "date_published")), Instant.parse(text(item, "date_modified")),
                    authors, tags, images));
        }
        return new ParsedFeed(text(feed, "title"), text(feed, "home_page_url"), text(feed, "feed_url"), items);
    }

    /**
     * A ninjs array: an item's link is its {@code web} rendition, its authors the names {@code by} lists, its pictures
     * the associations (the original size first); the document names no title, home page or self link (the answer's
     * {@code Link} field does).
     */
    private static ParsedFeed ninjs(String document) {
        List<ParsedFeed.Item> items = new ArrayList<>();
        for (JsonNode item : jsonTree(document).values()) {
            List<ParsedFeed.Image> images = new ArrayList<>();
            if (item.get("associations") != null) {
                for (JsonNode picture : item.get("associations").values()) {
                    JsonNode original = picture.get("renditions").get(0);
                    images.add(new ParsedFeed.Image(text(picture, "uri"), text(original, "contentType"),
                            original.get("sizeInBytes") == null ? null : original.get("sizeInBytes").getLongValue(),
                            original.get("width") == null ? null : original.get("width").getIntValue(),
                            original.get("height") == null ? null : original.get("height").getIntValue(),
                            role(picture.get("descriptions"), "caption"), text(picture, "by")));
                }
            }
            List<String> subjects = new ArrayList<>();
            if (item.get("subjects") != null) {
                item.get("subjects").values().forEach(s -> subjects.add(text(s, "name")));
            }
            String by = text(item, "by");
            items.add(new ParsedFeed.Item(text(item, "uri"), role(item.get("renditions"), "web", "name", "href"),
                    item.get("headlines") == null ? null : text(item.get("headlines").get(0), "value"),
                    role(item.get("descriptions"), "summary"),
                    item.get("bodies") == null ? null : text(item.get("bodies").get(0), "value"),
                    Instant.parse(text(item, "firstCreated")), Instant.parse(text(item, "versionCreated")),
                    by == null ? List.of() : List.of(by.split(", ")), subjects, images));
        }
        return new ParsedFeed(null, null, null, items);
    }

    /** The value of the member of {@code array} whose role is {@code role}, or null. */
    private static String role(JsonNode array, String role) {
        return role(array, role, "role", "value");
    }

    private static String role(JsonNode array, String wanted, String key, String member) {
        if (array == null) {
            return null;
        }
        for (JsonNode node : array.values()) {
            if (wanted.equals(text(node, key))) {
                return text(node, member);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.getStringValue();
    }
}
