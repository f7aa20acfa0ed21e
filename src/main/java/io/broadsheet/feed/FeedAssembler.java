package io.broadsheet.feed;

import io.broadsheet.input.XmlText;
import io.broadsheet.article.model.Article;
import io.broadsheet.article.model.ArticleAuthor;
import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.Correction;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.config.ContentMode;
import io.broadsheet.config.FeedDefinition;
import io.broadsheet.config.SiteConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the neutral {@link Feed} from a definition and its articles. Every string leaves here free of
 * characters XML 1.0 forbids, and every date comes from the data, so that the same data gives the same bytes.
 */
public final class FeedAssembler {

    /** Longest derived teaser, for articles sent without a summary. */
    static final int TEASER_LENGTH = 280;
    private static final String GENERATOR = "Broadsheet";
    private static final Document.OutputSettings HTML = new Document.OutputSettings()
            .prettyPrint(false).escapeMode(org.jsoup.nodes.Entities.EscapeMode.xhtml);

    private final SiteConfig site;
    private final boolean mediaRss15;

    public FeedAssembler(SiteConfig site) {
        this(site, false);
    }

    /** {@code mediaRss15}: documents carry the Media RSS 1.5 elements the W3C validator does not know. */
    public FeedAssembler(SiteConfig site, boolean mediaRss15) {
        this.site = site;
        this.mediaRss15 = mediaRss15;
    }

    /** Where a document stands: its page, the last page, when the feed last changed, and its keyset cursors. */
    public record Position(int page, int lastPage, Instant lastModified, PageCursors cursors) {

        public Position(int page, int lastPage, Instant lastModified) {
            this(page, lastPage, lastModified, null);
        }
    }

    /**
     * @param definition    what the feed selects and how it presents it
     * @param articles      the page's visible articles, newest first
     * @param categoryNames display names by category slug
     * @param position      page, last page and the feed's last change (RSS lastBuildDate, Atom updated)
     * @param hubs          WebSub hubs to advertise
     */
    public Feed assemble(FeedDefinition definition, List<StoredArticle> articles, Map<String, String> categoryNames,
                         Position position, List<String> hubs) {
        return assembleItems(definition, articles.stream().map(a -> item(a, definition.content(), categoryNames)).toList(),
                List.of(), position, hubs);
    }

    /** The feed document around items already assembled (see {@link #item}), its tombstones first. */
    public Feed assembleItems(FeedDefinition definition, List<FeedItem> items, List<FeedTombstone> tombstones,
                              Position position, List<String> hubs) {
        return new Feed(
                definition.name(),
                clean(definition.title()),
                clean(Objects.requireNonNullElse(definition.description(), site.description())),
                site.baseUrl() + "/",
                site.url("/feeds/" + definition.name()),
                site.tagUri("feed:" + definition.name()),
                position.lastModified(),
                site.language(),
                site.icon(),
                clean(site.copyright()),
                GENERATOR,
                new FeedAuthor(clean(site.author()), site.baseUrl() + "/"),
                items,
                position.page(),
                position.lastPage(),
                hubs,
                definition.maxAge(),
                tombstones,
                mediaRss15,
                position.cursors(),
                definition.partnerOnly() ? null : new FeedActor(site.fediverseActor(definition.name()),
                        site.fediverseHandle(definition.name())));
    }

    /** A withdrawn article's tombstone: its item id and link, and nothing of its content but the reason. */
    public FeedTombstone tombstone(long articleId, String slug, String url, Instant published, Instant withdrawnAt,
                                   String reason, Instant changedAt) {
        return new FeedTombstone(site.tagUri("article:" + articleId), url != null ? url : site.articleLink(slug),
                published, withdrawnAt, clean(reason), changedAt);
    }

    /** One article as a feed entry, in a content mode, its categories labelled with their names. */
    public FeedItem item(StoredArticle stored, ContentMode mode, Map<String, String> categoryNames) {
        var a = stored.article();
        List<FeedImage> images = stored.images().stream().map(FeedAssembler::image).toList();
        // Storing an article is not a change to it: until it is replaced, its "updated" is its publication
        // (Atom: "modified in a way the publisher considers significant", RFC 4287 4.2.15).
        Instant updated = a.version() == 0 || a.publishedAt().isAfter(a.updatedAt()) ? a.publishedAt() : a.updatedAt();
        List<Correction> corrections = stored.corrections();
        String summary = a.summary() != null && !a.summary().isBlank() ? a.summary() : teaser(a.body());
        return new FeedItem(
                site.tagUri("article:" + a.id()),
                articleUrl(a),
                clean(a.title()),
                // a teaser-only feed shows the corrections too: partners re-ingest it and must see why
                clean(mode == ContentMode.FULL ? summary : summaryWithCorrections(summary, corrections)),
                mode == ContentMode.FULL ? clean(contentHtml(images, a.body()) + correctionsHtml(corrections)) : null,
                a.publishedAt(),
                updated,
                stored.authors().stream().map(FeedAssembler::author).toList(),
                stored.categories().stream()
                        .map(slug -> new FeedCategory(slug, clean(categoryNames.getOrDefault(slug, slug)))).toList(),
                stored.tags().stream().map(FeedAssembler::clean).toList(),
                a.language() != null ? a.language() : site.language(),
                images,
                a.expiresAt());
    }

    /** An article's canonical URL: its own when it was sent one, else its page on this site. */
    public String articleUrl(Article a) {
        return a.url() != null ? a.url() : site.articleLink(a.slug());
    }

    /** Each correction as a dated notice after the body, oldest first. */
    static String correctionsHtml(List<Correction> corrections) {
        StringBuilder html = new StringBuilder();
        for (Correction c : corrections) {
            Element notice = new Element("p").addClass("correction");
            notice.appendElement("strong").text("Correction");
            notice.appendText(" (");
            notice.appendElement("time").attr("datetime", c.at().toString()).text(Correction.day(c.at()));
            notice.appendText("): " + c.text());
            Document doc = Document.createShell("");
            doc.outputSettings(HTML);
            doc.body().appendChild(notice);
            html.append(notice.outerHtml());
        }
        return html.toString();
    }

    private static String summaryWithCorrections(String summary, List<Correction> corrections) {
        StringBuilder text = new StringBuilder(summary);
        for (Correction c : corrections) {
            text.append(text.length() == 0 ? "" : " ").append("Correction (").append(Correction.day(c.at()))
                    .append("): ").append(c.text());
        }
        return text.toString();
    }

    /** Each image as a figure with its caption and credit, then the body: readers that ignore Media RSS still show them. */
    static String contentHtml(List<FeedImage> images, String body) {
        Element root = new Element("div");
        for (FeedImage image : images) {
            Element figure = root.appendElement("figure");
            Element img = figure.appendElement("img").attr("src", image.url())
                    .attr("alt", Objects.requireNonNullElse(image.alt(), ""));
            if (image.width() != null) {
                img.attr("width", image.width().toString());
            }
            if (image.height() != null) {
                img.attr("height", image.height().toString());
            }
            String srcset = srcset(image);
            if (srcset != null) {
                // width descriptors need sizes; 100vw is what a browser assumes without it
                img.attr("srcset", srcset).attr("sizes", "100vw");
            }
            String figcaption = figcaption(image);
            if (!figcaption.isEmpty()) {
                figure.appendElement("figcaption").text(figcaption);
            }
        }
        Document doc = Document.createShell("");
        doc.outputSettings(HTML);
        doc.body().appendChild(root);
        return root.html() + (body == null ? "" : body);
    }

    /**
     * The {@code srcset} of a picture with renditions: each size of known width (the original first) as
     * {@code url Nw}; null when it has no renditions or no size has a usable width. A width descriptor is a whole
     * number above 0, once per set, and a candidate URL must not end with a comma.
     * Spec: https://html.spec.whatwg.org/multipage/images.html#srcset-attributes
     */
    public static String srcset(FeedImage image) {
        if (image.renditions().isEmpty()) {
            return null;
        }
        Set<Integer> widths = new HashSet<>();
        List<String> candidates = new ArrayList<>();
        for (FeedImage.Rendition size : image.sizes()) {
            if (size.width() != null && size.width() > 0 && !size.url().endsWith(",") && widths.add(size.width())) {
                candidates.add(size.url() + " " + size.width() + "w");
            }
        }
        return candidates.isEmpty() ? null : String.join(", ", candidates);
    }

    private static String figcaption(FeedImage image) {
        List<String> parts = new ArrayList<>();
        if (image.caption() != null && !image.caption().isBlank()) {
            parts.add(image.caption());
        }
        if (image.credit() != null && !image.credit().isBlank()) {
            parts.add(image.credit());
        }
        return String.join(" \u2014 ", parts);
    }

    static String teaser(String body) {
        if (body == null) {
            return "";
        }
        String text = Jsoup.parse(body).text();
        if (text.length() <= TEASER_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TEASER_LENGTH);
        return text.substring(0, cut > 0 ? cut : TEASER_LENGTH) + "\u2026";
    }

    /** A stored picture as the feed model carries it, its text free of characters XML 1.0 forbids. */
    public static FeedImage image(ArticleImage i) {
        return new FeedImage(i.url(), i.mimeType(), i.width(), i.height(), i.length(),
                clean(i.caption()), clean(i.credit()), clean(i.alt()), clean(i.copyright()), i.license(),
                i.renditions().stream().map(r -> new FeedImage.Rendition(r.url(), r.width(), r.height(), r.mimeType()))
                        .toList());
    }

    private static FeedAuthor author(ArticleAuthor a) {
        return new FeedAuthor(clean(a.name()), a.url());
    }

    private static String clean(String text) {
        return XmlText.clean(text);
    }
}
