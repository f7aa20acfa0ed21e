package io.broadsheet.web;

import io.broadsheet.article.ArticleImage;
import io.broadsheet.article.Correction;
import io.broadsheet.article.StoredArticle;
import io.broadsheet.category.Category;
import io.broadsheet.config.FeedsConfig;
import io.broadsheet.feed.FeedAssembler;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedService;
import io.broadsheet.feed.json.JsonFeedRenderer;
import jakarta.inject.Singleton;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Small HTML pages that make the feeds findable: a home page listing every feed with discovery links
 * ({@code <link rel="alternate">}), a page per article (the default item link), and the description of
 * the JSON Feed {@code _media} extension.
 */
@Singleton
public class SitePages {

    private final FeedsConfig config;

    public SitePages(FeedsConfig config) {
        this.config = config;
    }

    public String home(List<Category> categories) {
        Document doc = shell(config.site().title());
        discoveryLinks(doc, FeedService.ALL, config.site().title());
        Element body = doc.body();
        body.appendElement("h1").text(config.site().title());
        body.appendElement("p").text(config.site().description());
        Element list = body.appendElement("ul");
        feedEntry(list, FeedService.ALL, "Every category");
        config.feeds().values().stream().filter(f -> !f.partnerOnly()).forEach(f -> feedEntry(list, f.name(), f.title()));
        categories.forEach(c -> feedEntry(list, c.slug(), c.name()));
        return doc.outerHtml();
    }

    public String article(StoredArticle stored) {
        var a = stored.article();
        Document doc = shell(a.title() + " \u2014 " + config.site().title());
        for (String category : stored.categories()) {
            discoveryLinks(doc, category, config.site().title() + " \u2014 " + category);
        }
        Element article = doc.body().appendElement("article");
        article.appendElement("h1").text(a.title());
        if (a.summary() != null) {
            article.appendElement("p").addClass("summary").text(a.summary());
        }
        List<String> names = new ArrayList<>();
        stored.authors().forEach(x -> names.add(x.name()));
        Element meta = article.appendElement("p");
        meta.appendElement("time").attr("datetime", a.publishedAt().toString()).text(a.publishedAt().toString());
        if (!names.isEmpty()) {
            meta.appendText(" \u2014 " + String.join(", ", names));
        }
        for (ArticleImage image : stored.images()) {
            Element figure = article.appendElement("figure");
            Element img = figure.appendElement("img").attr("src", image.url())
                    .attr("alt", Objects.requireNonNullElse(image.alt(), ""));
            String srcset = FeedAssembler.srcset(FeedAssembler.image(image));
            if (srcset != null) {
                img.attr("srcset", srcset).attr("sizes", "100vw");
            }
            figure.appendElement("figcaption").text(Objects.requireNonNullElse(image.caption(), "")
                    + (image.credit() == null ? "" : " \u2014 " + image.credit()));
        }
        article.appendElement("div").html(Objects.requireNonNullElse(a.body(), ""));
        for (Correction c : stored.corrections()) {
            Element notice = article.appendElement("p").addClass("correction");
            notice.appendElement("strong").text("Correction");
            notice.appendText(" (");
            notice.appendElement("time").attr("datetime", c.at().toString()).text(Correction.day(c.at()));
            notice.appendText("): " + c.text());
        }
        return doc.outerHtml();
    }

    /** What a withdrawn article's address shows (with 410 Gone): that it was withdrawn, when and why. */
    public String withdrawn(StoredArticle stored) {
        var a = stored.article();
        Document doc = shell("Withdrawn — " + config.site().title());
        doc.head().appendElement("meta").attr("name", "robots").attr("content", "noindex");
        Element body = doc.body();
        body.appendElement("h1").text("This article was withdrawn");
        Element p = body.appendElement("p");
        p.appendText("Withdrawn on ");
        p.appendElement("time").attr("datetime", a.withdrawnAt().toString()).text(a.withdrawnAt().toString());
        p.appendText(": " + a.withdrawnReason());
        body.appendElement("p").appendElement("a").attr("href", config.site().baseUrl() + "/").text(config.site().title());
        return doc.outerHtml();
    }

    public String mediaExtension() {
        Document doc = shell("The _media extension of Broadsheet's JSON Feeds");
        Element body = doc.body();
        body.appendElement("h1").text("_media: pictures with captions and credits in JSON Feed");
        body.appendElement("p").text("Each item of a Broadsheet JSON Feed (version 1.1) that has pictures carries an "
                + "object named _media. Its member images lists every picture of the article, the lead picture "
                + "first, each with url, caption (plain text), credit (the photographer or agency, plain text), "
                + "alt (plain text), width and height (pixels), copyright (plain text), license (the URL of the "
                + "license the picture is published under) and renditions. Members that are unknown are left out. "
                + "The same pictures are also item attachments, whose title is the caption.");
        body.appendElement("p").text("renditions lists other sizes of the same picture, each with url, width and "
                + "height (pixels) and mime_type; it is left out when there are none. The item's image is the size "
                + "of the lead picture (the original or a rendition) whose width is closest to 1200 pixels; when "
                + "no size has a known width, it is the original.");
        body.appendElement("pre").text("\"_media\": {\"about\": \"" + config.site().url(JsonFeedRenderer.MEDIA_DOCS_PATH)
                + "\", \"images\": [{\"url\": \"https://media.example.com/kurti.jpg\", \"caption\": \"Albin Kurti speaks\","
                + " \"credit\": \"Armend NIMANI / AFP\", \"alt\": \"Albin Kurti at a lectern\", \"width\": 3000, \"height\": 2000,"
                + " \"copyright\": \"\u00a9 AFP 2022\", \"license\": \"https://media.example.com/licenses/editorial\","
                + " \"renditions\": [{\"url\": \"https://media.example.com/kurti-640.jpg\", \"width\": 640,"
                + " \"height\": 427, \"mime_type\": \"image/jpeg\"}]}]}");
        body.appendElement("h2").attr("id", "withdrawn").text("_withdrawn: articles taken down");
        body.appendElement("p").text("When an article is withdrawn (a legal takedown, an error, or the end of its usage "
                + "window), every feed that showed it carries, at the top of its first page and for the retention "
                + "period, an item with the same id, the title \"Withdrawn\", a one-line content_text, date_modified at "
                + "the withdrawal, and an object named _withdrawn whose member at is that instant (RFC 3339) and whose "
                + "member reason says why, in plain text (\"expired\" when its usage window ended). A reader that holds "
                + "a copy of the item should delete it. RSS carries the same signal as an item with dcterms:valid "
                + "ended, Atom as an RFC 6721 at:deleted-entry.");
        body.appendElement("pre").text("{\"id\": \"tag:news.example.com,2022:article:42\", \"title\": \"Withdrawn\","
                + " \"content_text\": \"This article was withdrawn on 1 December 2026: legal request\","
                + " \"date_published\": \"2026-11-30T08:00:00Z\", \"date_modified\": \"2026-12-01T10:15:00Z\","
                + " \"_withdrawn\": {\"about\": \"" + config.site().url(JsonFeedRenderer.MEDIA_DOCS_PATH + "#withdrawn")
                + "\", \"at\": \"2026-12-01T10:15:00Z\", \"reason\": \"legal request\"}}");
        return doc.outerHtml();
    }

    private Document shell(String title) {
        Document doc = Document.createShell(config.site().baseUrl() + "/");
        doc.outputSettings().prettyPrint(false);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("title").text(title);
        doc.selectFirst("html").attr("lang", config.site().language());
        return doc;
    }

    private void discoveryLinks(Document doc, String feed, String title) {
        for (FeedFormat format : FeedFormat.values()) {
            doc.head().appendElement("link").attr("rel", "alternate").attr("type", format.mediaType())
                    .attr("title", title + " (" + format.extension() + ")")
                    .attr("href", config.site().url("/feeds/" + feed + "." + format.extension()));
        }
    }

    private void feedEntry(Element list, String name, String title) {
        Element item = list.appendElement("li");
        item.appendText(title + ": ");
        for (FeedFormat format : FeedFormat.values()) {
            item.appendElement("a").attr("href", config.site().url("/feeds/" + name + "." + format.extension()))
                    .text(format.name());
            item.appendText(" ");
        }
    }
}
