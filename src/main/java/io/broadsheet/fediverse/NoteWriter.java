package io.broadsheet.fediverse;

import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.ContentMode;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedAssembler;
import io.broadsheet.feed.FeedImage;
import io.broadsheet.feed.FeedItem;
import jakarta.inject.Singleton;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article as a {@code Note}, shaped for Mastodon: it shows an {@code Article} as a title and a link only, turns a
 * {@code summary} into a content warning and takes an attachment's {@code name} as the picture's description. The
 * text comes from the feed item ({@link FeedAssembler#item}): the same title, teaser, link and pictures as the feeds.
 * Spec: https://docs.joinmastodon.org/spec/activitypub/#Note
 */
@Singleton
class NoteWriter {

    private static final Document.OutputSettings HTML = new Document.OutputSettings().prettyPrint(false)
            .escapeMode(Entities.EscapeMode.base);

    private final Actors actors;
    private final FeedAssembler assembler;

    NoteWriter(Actors actors, FeedsConfig config) {
        this.actors = actors;
        this.assembler = new FeedAssembler(config.site());
    }

    /** The Note object, members in the order sent. */
    Map<String, Object> note(String feed, StoredArticle article) {
        FeedItem item = assembler.item(article, ContentMode.FULL, Map.of());
        String content = content(item);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", actors.noteId(feed, article.article().id()));
        note.put("type", "Note");
        note.put("attributedTo", actors.actorId(feed));
        note.put("content", content);
        note.put("contentMap", Map.of(item.language(), content));
        note.put("url", item.url());
        note.put("published", Activities.date(item.published()));
        if (item.updated() != null && item.updated().isAfter(item.published())) {
            note.put("updated", Activities.date(item.updated()));
        }
        note.put("to", List.of(Activities.PUBLIC));
        note.put("cc", List.of(actors.followers(feed)));
        note.put("sensitive", false);
        note.put("attachment", item.images().stream().map(NoteWriter::attachment).toList());
        return note;
    }

    /** What a reader sees of a note: its digest changes when an edit changes any of it, and only then. */
    Map<String, Object> seen(Map<String, Object> note) {
        Map<String, Object> seen = new LinkedHashMap<>();
        for (String member : List.of("content", "contentMap", "url", "attachment")) {
            seen.put(member, note.get(member));
        }
        return seen;
    }

    /**
     * The title, the teaser, a link to the article and each picture's credit, as paragraphs. Titles, teasers and
     * credits are plain text: jsoup escapes them.
     */
    static String content(FeedItem item) {
        Element root = new Element("div");
        root.appendElement("p").appendElement("strong").text(item.title());
        if (item.summary() != null && !item.summary().isBlank()) {
            root.appendElement("p").text(item.summary());
        }
        root.appendElement("p").appendElement("a").attr("href", item.url()).text(item.url());
        for (FeedImage image : item.images()) {
            if (image.credit() != null && !image.credit().isBlank()) {
                root.appendElement("p").text("Photo: " + image.credit());
            }
        }
        Document document = Document.createShell("");
        document.outputSettings(HTML);
        document.body().appendChild(root);
        return root.html();
    }

    /** A picture: {@code name} is its alternative text, else its caption (what Mastodon shows as its description). */
    private static Map<String, Object> attachment(FeedImage image) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("type", "Image");
        attachment.put("url", image.url());
        putUnlessNull(attachment, "mediaType", image.mimeType());
        putUnlessNull(attachment, "width", image.width());
        putUnlessNull(attachment, "height", image.height());
        String name = image.alt() != null && !image.alt().isBlank() ? image.alt() : image.caption();
        putUnlessNull(attachment, "name", name);
        return attachment;
    }

    private static void putUnlessNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
