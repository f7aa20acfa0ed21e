package io.broadsheet.testing;

import io.broadsheet.feed.FeedFormat;
import io.micronaut.json.tree.JsonNode;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a syndication partner reads from a served document, in any format: per item id, whether it is live or
 * withdrawn, when it last changed, the end of its usage window, and its content. Read from the raw document (JDOM,
 * the JSON tree), element by element, the way a partner's ingester does.
 */
public final class Signals {

    public static final Namespace DCTERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    public static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");
    public static final Namespace TOMBSTONES = Namespace.getNamespace("http://purl.org/atompub/tombstones/1.0");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace CONTENT = Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");
    private static final Pattern PERIOD = Pattern.compile("(?:start=([^;]+); )?end=([^;]+); scheme=W3C-DTF");

    private Signals() {
    }

    /**
     * One item or tombstone.
     *
     * @param updated     RSS dcterms:modified (else pubDate), Atom updated or at:deleted-entry when, JSON date_modified,
     *                    ninjs versionCreated
     * @param validStart  the start of dcterms:valid, or null
     * @param validEnd    the end of dcterms:valid, ninjs expires, or null
     * @param withdrawn   a tombstone: RSS dcterms:valid ended by now with a newer modified date, Atom
     *                    at:deleted-entry, JSON _withdrawn, ninjs pubStatus canceled
     * @param reason      media:status reason, at:comment, _withdrawn.reason, ninjs edNote
     * @param content     the full body, or the one line of a tombstone, or null
     * @param media       whether it carries any picture (enclosure, media:content, attachments, _media, image)
     * @param mediaStatus RSS media:status state, or null
     */
    public record Signal(String id, String title, Instant updated, Instant validStart, Instant validEnd,
                         boolean withdrawn, String reason, String content, boolean media, String mediaStatus) {
    }

    /** Every item and tombstone in document order; {@code now} decides whether an RSS validity window has ended. */
    public static List<Signal> read(FeedFormat format, String document, Instant now) {
        return switch (format) {
            case RSS -> rss(xml(document), now);
            case ATOM -> atom(xml(document));
            case JSON -> json(FeedParsers.jsonTree(document));
            case NINJS -> ninjs(FeedParsers.jsonTree(document));
        };
    }

    public static Signal find(List<Signal> signals, String id) {
        return signals.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + id + " among " + signals));
    }

    public static Document xml(String document) {
        try {
            return new SAXBuilder().build(new StringReader(document));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + document, e);
        }
    }

    private static List<Signal> rss(Document doc, Instant now) {
        List<Signal> signals = new ArrayList<>();
        for (Element item : doc.getRootElement().getChild("channel").getChildren("item")) {
            Instant published = ZonedDateTime.parse(item.getChildText("pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            String modified = item.getChildText("modified", DCTERMS);
            Instant updated = modified == null ? published : Instant.parse(modified);
            Instant[] valid = period(item.getChildText("valid", DCTERMS));
            Element status = item.getChild("status", MEDIA);
            // a partner's rule (MSN's, for one): the id again, a newer modified date, and a validity that has ended
            boolean ended = valid[1] != null && !valid[1].isAfter(now) && modified != null;
            boolean media = item.getChild("enclosure") != null || item.getChild("content", MEDIA) != null
                    || item.getChild("group", MEDIA) != null || item.getChild("thumbnail", MEDIA) != null;
            signals.add(new Signal(item.getChildText("guid"), item.getChildText("title"), updated, valid[0], valid[1],
                    ended, status == null ? null : status.getAttributeValue("reason"),
                    item.getChildText("encoded", CONTENT) != null ? item.getChildText("encoded", CONTENT)
                            : ended ? item.getChildText("description") : null,
                    media, status == null ? null : status.getAttributeValue("state")));
        }
        return signals;
    }

    private static List<Signal> atom(Document doc) {
        List<Signal> signals = new ArrayList<>();
        for (Element child : doc.getRootElement().getChildren()) {
            if (child.getName().equals("deleted-entry") && child.getNamespace().equals(TOMBSTONES)) {
                signals.add(new Signal(child.getAttributeValue("ref"), null, Instant.parse(child.getAttributeValue("when")),
                        null, null, true, child.getChildText("comment", TOMBSTONES), null, false, null));
            } else if (child.getName().equals("entry") && child.getNamespace().equals(ATOM)) {
                Instant[] valid = period(child.getChildText("valid", DCTERMS));
                boolean media = child.getChild("content", MEDIA) != null || child.getChild("group", MEDIA) != null;
                signals.add(new Signal(child.getChildText("id", ATOM), child.getChildText("title", ATOM),
                        Instant.parse(child.getChildText("updated", ATOM)), valid[0], valid[1], false, null,
                        child.getChildText("content", ATOM), media, null));
            }
        }
        return signals;
    }

    private static List<Signal> json(JsonNode feed) {
        List<Signal> signals = new ArrayList<>();
        for (JsonNode item : feed.get("items").values()) {
            JsonNode withdrawn = item.get("_withdrawn");
            boolean media = item.get("image") != null || item.get("attachments") != null || item.get("_media") != null;
            String content = item.get("content_html") != null ? item.get("content_html").getStringValue()
                    : withdrawn != null ? item.get("content_text").getStringValue() : null;
            signals.add(new Signal(item.get("id").getStringValue(), item.get("title").getStringValue(),
                    Instant.parse(item.get("date_modified").getStringValue()), null, null, withdrawn != null,
                    withdrawn == null ? null : withdrawn.get("reason").getStringValue(), content, media, null));
        }
        return signals;
    }

    /** ninjs: {@code pubStatus} {@code canceled} and {@code edNote} withdraw, {@code expires} ends the window. */
    private static List<Signal> ninjs(JsonNode array) {
        List<Signal> signals = new ArrayList<>();
        for (JsonNode item : array.values()) {
            boolean canceled = "canceled".equals(item.get("pubStatus").getStringValue());
            JsonNode headlines = item.get("headlines");
            JsonNode bodies = item.get("bodies");
            JsonNode expires = item.get("expires");
            signals.add(new Signal(item.get("uri").getStringValue(),
                    headlines == null ? null : headlines.get(0).get("value").getStringValue(),
                    Instant.parse(item.get("versionCreated").getStringValue()), null,
                    expires == null ? null : Instant.parse(expires.getStringValue()), canceled,
                    item.get("edNote") == null ? null : item.get("edNote").getStringValue(),
                    bodies == null ? null : bodies.get(0).get("value").getStringValue(),
                    item.get("associations") != null, null));
        }
        return signals;
    }

    private static Instant[] period(String value) {
        if (value == null) {
            return new Instant[2];
        }
        Matcher m = PERIOD.matcher(value);
        if (!m.matches()) {
            throw new AssertionError("not a DCMI period in W3C-DTF: " + value);
        }
        return new Instant[]{m.group(1) == null ? null : Instant.parse(m.group(1)), Instant.parse(m.group(2))};
    }
}
