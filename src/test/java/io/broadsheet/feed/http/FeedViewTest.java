package io.broadsheet.feed.http;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Feedparser;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.pages.Html5;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static io.broadsheet.feed.http.BrowserViewTest.CHROME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a browser shows for a feed's URL, in every format: an HTML5 page made with the site's own templates and
 * assets (checked by jsoup's HTML parser, which must report no error) that says what a feed is, gives the address to
 * copy and the other formats, and lists what the feed carries: withdrawal notices, then every item with every picture,
 * its caption and credit. Any text is shown as text, whatever it holds.
 */
@MicronautTest(transactional = false)
class FeedViewTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";
    private static final String MARKUP_SUMMARY =
            "Tom & Jerry <b>not bold</b> \"quoted\" 'single' a\u00a0b &lt; stays as typed ]]> and \u2014 \u00e9\u6771";
    private static final String MARKUP_TITLE = "<i>Not italic</i> & \"quoted\"";
    private static final String REASON = "Legal request <court> & co";
    /** What blanked the XSLT view ("potential infinite template recursion"): 4,800 characters of quotes. */
    private static final String QUOTES = "\"'&".repeat(1600);
    private static final String TIME_SHOWN = "\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC";

    @BeforeAll
    void publish() {
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
        post(with(article("fv-quotes", WHEN, "fv-quotes"), "summary", QUOTES));
        for (int i = 1; i <= 6; i++) {
            post(with(article("fv-paged-" + i, "2022-03-1" + i + "T08:00:00Z", "fv-paged"), "images", List.of()));
        }
    }

    private void post(Map<String, Object> article) {
        Http.Answer answer = http.post("/api/articles", json(article));
        assertEquals(201, answer.status(), answer.body());
    }

    private static String path(String feed, FeedFormat format) {
        return "/feeds/" + feed + "." + format.extension();
    }

    /** The page a browser gets for {@code path}, parsed as HTML with every parse error an assertion failure. */
    private Document view(String path) {
        Http.Answer answer = http.send(http.request(path).header("Accept", CHROME));
        assertEquals(200, answer.status(), path + ": " + answer);
        assertTrue(answer.header("Content-Type").orElseThrow().startsWith("text/html"), path + ": " + answer.headers());
        return Html5.assertConforms(answer.body(), "the page of " + path);
    }

    private ParsedFeed parsed(String path, FeedFormat format) {
        return FeedParsers.parse(format, http.get(path).body());
    }

    private static Element item(Document page, String title) {
        return page.select("article.item").stream().filter(a -> a.selectFirst("h3").text().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("expected an item titled " + title + " in " + page.body()));
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void theViewIsAnHtml5PageWithTheSitesLayoutAndAssetsAndNoInlineScript(FeedFormat format) {
        Document page = view(path("fv", format));
        Document home = Html5.assertConforms(http.get("/").body(), "the home page");
        assertEquals(home.select("link[rel=stylesheet]").eachAttr("href"), page.select("link[rel=stylesheet]").eachAttr("href"));
        assertEquals(home.select("script").eachAttr("src"), page.select("script").eachAttr("src"));
        assertEquals(home.select("header.site-header").outerHtml(), page.select("header.site-header").outerHtml());
        assertTrue(page.select("script").stream().allMatch(s -> s.data().isEmpty()), "no inline script");
        assertTrue(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .noneMatch(a -> a.getKey().startsWith("on")), "no inline event handler");
        assertEquals(parsed(path("fv", format), format).title(), page.selectFirst("h1").text());
        assertTrue(page.selectFirst(".subscribe").text().contains("feed reader"), "what a feed is: " + page.selectFirst(".subscribe"));
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void theAddressToCopyIsTheFeedsOwnWithLinksToTheOtherFormatsAndDiscoveryLinks(FeedFormat format) {
        Document page = view(path("fv", format));
        String address = "https://news.example.com/feeds/fv." + format.extension();
        assertEquals(parsed(path("fv", format), format).selfUrl(), address);
        assertEquals(address, page.selectFirst(".feed-url code").text());
        Element copy = page.selectFirst("button.copy");
        assertNotNull(copy, "a copy button like the home page's");
        assertEquals(address, copy.attr("data-copy"));
        assertTrue(copy.hasAttr("hidden"), "shown by broadsheet.js, where copying works");
        List<String> all = FeedFormat.readerFormats().stream()
                .map(f -> "https://news.example.com/feeds/fv." + f.extension()).toList();
        assertEquals(all.stream().filter(u -> !u.equals(address)).toList(), page.select(".other-formats a[type]").eachAttr("href"));
        String feeds = "head link[rel=alternate]:not([type=application/activity+json])";
        assertEquals(all, page.select(feeds).eachAttr("href"));
        assertEquals(FeedFormat.readerFormats().stream().map(FeedFormat::mediaType).toList(),
                page.select(feeds).eachAttr("type"));
        assertEquals(List.of("https://news.example.com/fediverse/fv"),
                page.select("head link[rel=alternate][type=application/activity+json]").eachAttr("href"), "the actor");
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void everyItemIsListedWithItsTitleLinkDateAuthorAndSummary(FeedFormat format) {
        Document page = view(path("fv", format));
        List<ParsedFeed.Item> items = parsed(path("fv", format), format).items().stream()
                .filter(i -> !i.title().equals("Withdrawn")).toList();
        List<Element> shown = page.select("article.item");
        assertEquals(List.of("fv-sized-title", "fv-pictured-title"), shown.stream().map(a -> a.selectFirst("h3").text()).toList());
        assertEquals(items.size(), shown.size());
        for (int i = 0; i < items.size(); i++) {
            Element article = shown.get(i);
            assertEquals(items.get(i).url(), article.selectFirst("h3 a").attr("href"));
            assertEquals(items.get(i).published(), Instant.parse(article.selectFirst("time.published").attr("datetime")));
            assertEquals(items.get(i).summary(), article.selectFirst(".summary").text());
            assertEquals(items.get(i).authors().get(0), article.selectFirst(".authors").text());
        }
        assertEquals("17 March 2022, 09:42 UTC", shown.get(1).selectFirst("time.published").text());
        assertTrue(shown.get(1).select("time.updated").isEmpty(), "never corrected: " + shown.get(1));
        Element corrected = shown.get(0).selectFirst("time.updated");
        assertNotNull(corrected, "updated by the correction: " + shown.get(0));
        assertTrue(Instant.parse(corrected.attr("datetime")).isAfter(items.get(0).published()));
        assertTrue(corrected.text().matches(TIME_SHOWN), corrected.text());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void everyPictureIsAFigureWithItsCaptionAndCredit(FeedFormat format) {
        List<Element> figures = item(view(path("fv", format)), "fv-pictured-title").select("figure");
        assertEquals(2, figures.size());
        for (int n = 1; n <= 2; n++) {
            Element figure = figures.get(n - 1);
            String key = "fv-pictured-img" + n;
            assertEquals("https://media.example.com/" + key + ".jpg", figure.selectFirst("img").attr("src"));
            assertEquals("1200", figure.selectFirst("img").attr("width"));
            assertEquals("800", figure.selectFirst("img").attr("height"));
            assertEquals(key + "-alt", figure.selectFirst("img").attr("alt"));
            assertEquals(key + "-caption", figure.selectFirst("figcaption .caption").text());
            assertEquals(key + "-credit", figure.selectFirst("figcaption .credit").text().replace("Photo: ", ""));
        }
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void aPictureWithRenditionsIsOneFigureOfItsOriginalWithEverySizeInSrcset(FeedFormat format) {
        List<Element> figures = item(view(path("fv", format)), "fv-sized-title").select("figure");
        assertEquals(1, figures.size(), "renditions are sizes of one picture");
        Element img = figures.get(0).selectFirst("img");
        assertEquals("https://media.example.com/fv-sized-img1.jpg", img.attr("src"));
        assertEquals("https://media.example.com/fv-sized-img1.jpg 1200w, https://media.example.com/fv-sized-640.jpg 640w,"
                + " https://media.example.com/fv-sized-2400.jpg 2400w", img.attr("srcset"));
        assertFalse(img.attr("sizes").isEmpty(), "srcset with widths needs sizes");
        assertEquals("fv-sized-img1-caption", figures.get(0).selectFirst(".caption").text());
        assertEquals("Photo: fv-sized-img1-credit", figures.get(0).selectFirst(".credit").text());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void aWithdrawnArticleIsAWithdrawalNoticeFirstWithItsReasonAndNothingElse(FeedFormat format) {
        Document page = view(path("fv", format));
        List<Element> notices = page.select("article.withdrawn");
        assertEquals(1, notices.size(), page.select("ol.feed-items").toString());
        Element notice = notices.get(0);
        assertEquals("Withdrawn", notice.selectFirst("h3").text());
        String text = notice.selectFirst("p").text();
        assertTrue(text.startsWith("This article was withdrawn on ") && text.endsWith(": " + REASON), text);
        assertTrue(notice.select("a, figure, img").isEmpty(), "no link and no picture: " + notice);
        Instant withdrawnAt = Instant.parse(FeedParsers.jsonTree(http.get(path("fv", FeedFormat.JSON)).body())
                .get("items").get(0).get("_withdrawn").get("at").getStringValue());
        assertEquals(withdrawnAt, Instant.parse(notice.selectFirst("time").attr("datetime")));
        assertTrue(notice.selectFirst("time").text().matches(TIME_SHOWN), notice.selectFirst("time").text());
        assertEquals(0, page.select("ol.feed-items > li > article").indexOf(notice), "first, as in the feed");
        assertFalse(page.text().contains("fv-withdrawn"), "nothing the withdrawal removed");
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void titlesAndSummariesAreShownAsTheirTextNeverAsMarkup(FeedFormat format) {
        Element article = view(path("fv-text", format)).selectFirst("article.item");
        assertEquals(MARKUP_TITLE, article.selectFirst("h3 a").text());
        assertEquals(MARKUP_SUMMARY, article.selectFirst(".summary").wholeText());
        assertTrue(article.select("b, i").isEmpty(), "no element from the text: " + article);
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void aSummaryOf4800QuotesIsShownWholeOnAConformingPage(FeedFormat format) {
        Document page = view(path("fv-quotes", format));
        Element article = item(page, "fv-quotes-title");
        assertEquals(QUOTES, article.selectFirst(".summary").wholeText());
        assertEquals(2, article.select("figure figcaption .credit").size(), "the pictures after it are shown too");
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, mode = EnumSource.Mode.EXCLUDE, names = "NINJS") // the formats with a page
    void aLaterPageOffersTheFirstPageToSubscribeToAndLinksItsNeighbours(FeedFormat format) {
        // teasers holds 5 items a page; fv-paged alone adds 6 articles to it
        String first = "https://news.example.com/feeds/teasers." + format.extension();
        Document page = view(path("teasers", format) + "?page=2");
        assertEquals(first, page.selectFirst(".feed-url code").text());
        assertTrue(page.selectFirst("#items-heading").text().startsWith("Earlier stories, page 2"),
                page.selectFirst("#items-heading").text());
        assertEquals(first, page.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals(first, page.selectFirst("head link[rel=prev]").attr("href"));
        Document front = view(path("teasers", format));
        String next = front.selectFirst("nav.pager a[rel=next]").attr("href");
        assertTrue(next.startsWith(first + "?after="), "the next page by its keyset cursor: " + next);
        assertEquals("Latest stories", front.selectFirst("#items-heading").text());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = {"RSS", "ATOM"})
    void feedparserReadsTheItemsTheJsonFeedLists(FeedFormat format) throws Exception {
        Feedparser.assumeAvailable();
        byte[] document = http.get(path("fv", format)).bytes();
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
