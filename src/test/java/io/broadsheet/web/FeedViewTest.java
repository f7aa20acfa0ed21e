package io.broadsheet.web;

import io.broadsheet.pages.Html5;
import io.broadsheet.FeedParsers;
import io.broadsheet.Feedparser;
import io.broadsheet.Fixtures;
import io.broadsheet.HttpTest;
import io.broadsheet.ParsedFeed;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.xml.transform.Templates;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.broadsheet.Fixtures.article;
import static io.broadsheet.Fixtures.json;
import static io.broadsheet.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What /feeds/feed.xsl makes of served RSS and Atom documents, run by the JDK's XSLT 1.0 processor as a browser
 * runs it: an HTML5 page (checked by jsoup's HTML parser, which must report no error) with the address to subscribe
 * to, every item, every picture with its caption and credit, and withdrawal notices. Also, feedparser reads the
 * documents that carry the stylesheet's processing instruction as the same items the JSON Feed lists.
 */
@MicronautTest(transactional = false)
class FeedViewTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final String MARKUP_SUMMARY =
            "Tom & Jerry <b>not bold</b> \"quoted\" 'single' a\u00a0b &lt; stays as typed ]]> and \u2014 \u00e9\u6771";
    private static final String MARKUP_TITLE = "<i>Not italic</i> & \"quoted\"";
    private static final String REASON = "Legal request <court> & co";

    private Templates stylesheet;

    @BeforeAll
    void publish() throws Exception {
        post(article("fv-pictured", WHEN, "fv"));
        Map<String, Object> sized = with(Fixtures.image("fv-sized", 1), "renditions", List.of(
                Map.of("url", "https://media.example.com/fv-sized-640.jpg", "width", 640, "height", 427),
                Map.of("url", "https://media.example.com/fv-sized-2400.jpg", "width", 2400, "height", 1600)));
        Map<String, Object> sizedArticle = with(article("fv-sized", "2022-03-17T10:00:00Z", "fv"), "images", List.of(sized));
        post(sizedArticle);
        assertEquals(200, http.put("/api/articles/fv-sized", json(with(sizedArticle, "correction", "A date was wrong.")),
                null).status());
        post(article("fv-withdrawn", "2022-03-17T11:00:00Z", "fv"));
        assertEquals(200, http.post("/api/articles/fv-withdrawn/withdraw", json(Map.of("reason", REASON))).status());
        post(with(article("fv-markup", WHEN, "fv-text"), "title", MARKUP_TITLE, "summary", MARKUP_SUMMARY,
                "images", List.of()));
        for (int i = 1; i <= 6; i++) {
            post(with(article("fv-paged-" + i, "2022-03-1" + i + "T08:00:00Z", "fv-paged"), "images", List.of()));
        }
        byte[] xsl = http.get("/feeds/feed.xsl").bytes();
        stylesheet = TransformerFactory.newDefaultInstance().newTemplates(new StreamSource(new ByteArrayInputStream(xsl)));
    }

    private void post(Map<String, Object> article) {
        var answer = http.post("/api/articles", json(article));
        assertEquals(201, answer.status(), answer.body());
    }

    private static String path(String feed, FeedFormat format) {
        return "/feeds/" + feed + "." + format.extension();
    }

    /** The page a browser shows for a served feed, parsed as HTML with every parse error an assertion failure. */
    private Document view(String path) throws Exception {
        StringWriter html = new StringWriter();
        stylesheet.newTransformer().transform(new StreamSource(new ByteArrayInputStream(http.get(path).bytes())),
                new StreamResult(html));
        Document page = Html5.assertConforms(html.toString(), "the browser view of " + path);
        page.setBaseUri("https://news.example.com" + path);
        return page;
    }

    private ParsedFeed parsed(String path, FeedFormat format) {
        return FeedParsers.parse(format, http.get(path).body());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void theViewIsAnHtml5PageInTheFeedsLanguageWithBroadsheetsOwnAssets(FeedFormat format) throws Exception {
        Document page = view(path("fv", format));
        assertEquals("html", page.documentType().name());
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("width=device-width, initial-scale=1", page.selectFirst("meta[name=viewport]").attr("content"));
        assertEquals(List.of("/assets/broadsheet.css", "/assets/feed-view.css"),
                page.select("link[rel=stylesheet]").eachAttr("href"));
        assertEquals(List.of("/assets/feed-view.js"), page.select("script").eachAttr("src"));
        assertTrue(page.select("script").stream().allMatch(s -> s.data().isEmpty()), "no inline script");
        assertTrue(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .noneMatch(a -> a.getKey().startsWith("on")), "no inline event handler");
        assertEquals(parsed(path("fv", format), format).title(), page.selectFirst("h1").text());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void theAddressToSubscribeToIsTheFeedsSelfUrlWithLinksToTheOtherFormats(FeedFormat format) throws Exception {
        Document page = view(path("fv", format));
        Element field = page.selectFirst("input#feed-view-url");
        assertNotNull(field);
        assertEquals(parsed(path("fv", format), format).selfUrl(), field.attr("value"));
        assertEquals("https://news.example.com/feeds/fv." + format.extension(), field.attr("value"));
        assertTrue(field.hasAttr("readonly"));
        Element copy = page.selectFirst("button[data-copy=feed-view-url]");
        assertEquals("Copy", copy.text());
        assertTrue(copy.hasAttr("hidden"), "shown by feed-view.js, where copying works");
        assertEquals(List.of("https://news.example.com/feeds/fv.rss", "https://news.example.com/feeds/fv.atom",
                "https://news.example.com/feeds/fv.json"), page.select(".feed-view-formats a").eachAttr("href"));
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void everyItemIsListedWithItsTitleLinkDateAndSummary(FeedFormat format) throws Exception {
        Document page = view(path("fv", format));
        List<ParsedFeed.Item> items = parsed(path("fv", format), format).items().stream()
                .filter(i -> !i.title().equals("Withdrawn")).toList();
        List<Element> shown = page.select("article.feed-view-item:not(.feed-view-withdrawn)");
        assertEquals(items.size(), shown.size());
        assertEquals(List.of("fv-sized-title", "fv-pictured-title"), shown.stream().map(a -> a.selectFirst("h3").text()).toList());
        for (int i = 0; i < items.size(); i++) {
            Element article = shown.get(i);
            assertEquals(items.get(i).url(), article.selectFirst("h3 a").attr("href"));
            assertEquals(items.get(i).published(), Instant.parse(article.selectFirst("time").attr("datetime")));
            assertEquals(items.get(i).summary(), article.selectFirst(".feed-view-summary").text());
            assertTrue(article.selectFirst(".feed-view-meta").text().contains(items.get(i).authors().get(0)));
        }
        assertEquals("17 Mar 2022, 09:42 UTC", shown.get(1).selectFirst("time").text());
        List<Element> corrected = shown.get(0).select(".feed-view-meta time");
        assertEquals(2, corrected.size(), "published, and updated by the correction: " + shown.get(0));
        assertTrue(Instant.parse(corrected.get(1).attr("datetime")).isAfter(items.get(0).published()));
        assertTrue(corrected.get(1).text().matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC"), corrected.get(1).text());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void everyPictureIsAFigureWithItsCaptionAndCredit(FeedFormat format) throws Exception {
        Element article = view(path("fv", format)).select("article.feed-view-item").stream()
                .filter(a -> a.selectFirst("h3").text().equals("fv-pictured-title")).findFirst().orElseThrow();
        List<Element> figures = article.select("figure");
        assertEquals(2, figures.size());
        for (int n = 1; n <= 2; n++) {
            Element figure = figures.get(n - 1);
            assertEquals("https://media.example.com/fv-pictured-img" + n + ".jpg", figure.selectFirst("img").attr("src"));
            assertEquals("1200", figure.selectFirst("img").attr("width"));
            assertEquals("800", figure.selectFirst("img").attr("height"));
            assertEquals("fv-pictured-img" + n + "-caption", figure.selectFirst("figcaption .feed-view-caption").text());
            assertEquals("fv-pictured-img" + n + "-credit", figure.selectFirst("figcaption .feed-view-credit").text());
            assertEquals("fv-pictured-img" + n + "-caption — fv-pictured-img" + n + "-credit",
                    figure.selectFirst("figcaption").text());
        }
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void aPictureWithRenditionsIsOneFigureOfItsOriginalWithEverySizeInSrcset(FeedFormat format) throws Exception {
        Element article = view(path("fv", format)).select("article.feed-view-item").stream()
                .filter(a -> a.selectFirst("h3").text().equals("fv-sized-title")).findFirst().orElseThrow();
        List<Element> figures = article.select("figure");
        assertEquals(1, figures.size(), "renditions are sizes of one picture");
        Element img = figures.get(0).selectFirst("img");
        assertEquals("https://media.example.com/fv-sized-img1.jpg", img.attr("src"));
        assertEquals("https://media.example.com/fv-sized-img1.jpg 1200w, https://media.example.com/fv-sized-640.jpg 640w,"
                + " https://media.example.com/fv-sized-2400.jpg 2400w", img.attr("srcset"));
        assertFalse(img.attr("sizes").isEmpty(), "srcset with widths needs sizes");
        assertEquals("fv-sized-img1-caption", figures.get(0).selectFirst(".feed-view-caption").text());
        assertEquals("fv-sized-img1-credit", figures.get(0).selectFirst(".feed-view-credit").text());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void aWithdrawnArticleIsAWithdrawalNoticeWithItsReasonAndNothingElse(FeedFormat format) throws Exception {
        Document page = view(path("fv", format));
        List<Element> notices = page.select("article.feed-view-withdrawn");
        assertEquals(1, notices.size());
        Element notice = notices.get(0);
        assertEquals("Withdrawn", notice.selectFirst("h3").text());
        String text = notice.selectFirst("p").text();
        assertTrue(text.startsWith("This article was withdrawn on ") && text.contains(": " + REASON), text);
        assertTrue(notice.select("a, figure").isEmpty(), "no link and no picture: " + notice);
        if (format == FeedFormat.ATOM) {
            // RFC 6721's when, to the millisecond
            Instant withdrawnAt = Instant.parse(FeedParsers.jsonTree(http.get(path("fv", FeedFormat.JSON)).body())
                    .get("items").get(0).get("_withdrawn").get("at").getStringValue());
            Element when = notice.selectFirst("time");
            assertNotNull(when, notice.toString());
            assertEquals(withdrawnAt, Instant.parse(when.attr("datetime")));
            assertTrue(when.text().matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC"), when.text());
        }
        assertEquals(0, page.select("article.feed-view-item").indexOf(notice), "first, as in the feed");
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void titlesAndSummariesAreShownAsTheirTextNeverAsMarkup(FeedFormat format) throws Exception {
        Element article = view(path("fv-text", format)).selectFirst("article.feed-view-item");
        assertEquals(MARKUP_TITLE, article.selectFirst("h3 a").text());
        assertEquals(MARKUP_SUMMARY.replace('\u00a0', ' '), article.selectFirst(".feed-view-summary").text()
                .replace('\u00a0', ' '));
        assertEquals(MARKUP_SUMMARY, article.selectFirst(".feed-view-summary").wholeText());
        assertTrue(article.select("b, i").isEmpty(), "no element from the text: " + article);
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void aLaterPageOffersTheFirstPageToSubscribeToAndLinksItsNeighbours(FeedFormat format) throws Exception {
        // teasers holds 5 items a page; fv-paged alone adds 6 articles to it
        Document page = view(path("teasers", format) + "?page=2");
        assertEquals("https://news.example.com/feeds/teasers." + format.extension(),
                page.selectFirst("input#feed-view-url").attr("value"));
        assertEquals("Earlier articles", page.selectFirst("#feed-view-latest").text());
        Element newer = page.selectFirst("nav.feed-view-pages a[rel=prev]");
        assertEquals("https://news.example.com/feeds/teasers." + format.extension(), newer.attr("href"));
        Document first = view(path("teasers", format));
        String next = first.selectFirst("nav.feed-view-pages a[rel=next]").attr("href");
        assertTrue(next.startsWith("https://news.example.com/feeds/teasers." + format.extension() + "?after="),
                "the next page by its keyset cursor: " + next);
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void feedparserReadsTheItemsTheJsonFeedListsDespiteTheStylesheet(FeedFormat format) throws Exception {
        Feedparser.assumeAvailable();
        byte[] document = http.get(path("fv", format)).bytes();
        assertTrue(new String(document, StandardCharsets.UTF_8).contains("<?xml-stylesheet "));
        Feedparser.Result result = Feedparser.parse(document);
        assertFalse(result.bozo(), "feedparser had to recover: " + result.bozoException());
        assertEquals(format == FeedFormat.RSS ? "rss20" : "atom10", result.version());
        List<Feedparser.Entry> expected = new ArrayList<>();
        for (JsonNode item : FeedParsers.jsonTree(http.get(path("fv", FeedFormat.JSON)).body()).get("items").values()) {
            // Atom's tombstones are RFC 6721 deleted-entry elements, which feedparser does not list as entries
            if (format == FeedFormat.RSS || item.get("_withdrawn") == null) {
                expected.add(new Feedparser.Entry(item.get("id").getStringValue(), item.get("title").getStringValue(),
                        item.get("url").getStringValue()));
            }
        }
        assertEquals(format == FeedFormat.RSS ? 3 : 2, expected.size(), "the items of fv: " + expected);
        assertEquals(expected, result.entries());
    }
}
