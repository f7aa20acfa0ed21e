package io.broadsheet.pages;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /feeds.opml}: every public feed once, as OPML 2.0 that an XML parser reads and whose feeds answer. */
@MicronautTest(transactional = false)
class PagesOpmlTest extends HttpTest {

    private static final String BASE = PagesHomeTest.BASE;
    private static final String HOSTILE_NAME = "World & <Friends> \"quoted\"";

    @BeforeAll
    void publish() {
        http.post("/api/articles", Fixtures.json(Fixtures.article("o1", "2022-01-01T00:00:00Z", "world", "europe")));
        http.post("/api/articles", Fixtures.json(Fixtures.article("o2", "2022-01-02T00:00:00Z", "sports")));
        http.post("/api/articles", Fixtures.json(Fixtures.article("o3", "2099-01-01T00:00:00Z", "secret-desk")));
        assertEquals(200, http.put("/api/categories/world", Fixtures.json(java.util.Map.of("name", HOSTILE_NAME,
                "description", "world-description")), null).status());
    }

    private Document opml() throws Exception {
        Http.Answer answer = http.get("/feeds.opml");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("text/x-opml; charset=utf-8", answer.header("Content-Type").orElseThrow());
        assertEquals("public, max-age=60", answer.header("Cache-Control").orElseThrow());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.bytes()));
    }

    private static List<Element> outlines(Document opml) {
        NodeList nodes = opml.getElementsByTagName("outline");
        List<Element> outlines = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            outlines.add((Element) nodes.item(i));
        }
        return outlines;
    }

    private static String text(Document opml, String element) {
        return opml.getElementsByTagName(element).item(0).getTextContent();
    }

    @Test
    void isOpml2WithTitleDatesOwnerAndDocs() throws Exception {
        Document opml = opml();
        assertEquals("opml", opml.getDocumentElement().getTagName());
        assertEquals("2.0", opml.getDocumentElement().getAttribute("version"));
        assertEquals("Test Gazette feeds", text(opml, "title"));
        assertEquals("http://opml.org/spec2.opml", text(opml, "docs"));
        assertEquals("Test Gazette Desk", text(opml, "ownerName"));
        ZonedDateTime created = ZonedDateTime.parse(text(opml, "dateCreated"), DateTimeFormatter.RFC_1123_DATE_TIME);
        ZonedDateTime modified = ZonedDateTime.parse(text(opml, "dateModified"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertFalse(modified.isBefore(created));
    }

    @Test
    void listsEveryPublicFeedOnceAsTheHomePageDoes() throws Exception {
        List<String> xmlUrls = outlines(opml()).stream().map(o -> o.getAttribute("xmlUrl")).toList();
        List<String> listed = Jsoup.parse(http.get("/").body()).select("li.feed .feed-url code").eachText();
        assertEquals(listed, xmlUrls, "the same feeds as the home page, in the same order");
        assertEquals(xmlUrls.stream().distinct().toList(), xmlUrls, "each once");
        assertTrue(xmlUrls.containsAll(List.of(BASE + "/feeds/all.rss", BASE + "/feeds/world.rss",
                BASE + "/feeds/teasers.rss")), xmlUrls.toString());
        assertFalse(xmlUrls.stream().anyMatch(u -> u.contains("partner") || u.contains("secret-desk")), xmlUrls.toString());
    }

    @Test
    void eachOutlineIsAnRssFeedThatAnswersWithItsPage() throws Exception {
        for (Element outline : outlines(opml())) {
            String xmlUrl = outline.getAttribute("xmlUrl");
            assertEquals("rss", outline.getAttribute("type"), xmlUrl);
            assertFalse(outline.getAttribute("text").isBlank(), xmlUrl);
            assertEquals(outline.getAttribute("text"), outline.getAttribute("title"), xmlUrl);
            assertEquals("en", outline.getAttribute("language"), xmlUrl);
            assertTrue(xmlUrl.startsWith(BASE + "/feeds/") && xmlUrl.endsWith(".rss"), xmlUrl);
            Http.Answer feed = http.get(xmlUrl.substring(BASE.length()));
            assertEquals(200, feed.status(), xmlUrl);
            assertEquals("application/rss+xml; charset=utf-8", feed.header("Content-Type").orElseThrow(), xmlUrl);
            ParsedFeed parsed = FeedParsers.parse(FeedFormat.RSS, feed.body());
            assertEquals(outline.getAttribute("title"), parsed.title(), "the outline names the feed as it names itself");
            String htmlUrl = outline.getAttribute("htmlUrl");
            assertEquals(200, http.get(htmlUrl.substring(BASE.length())).status(), htmlUrl);
        }
    }

    @Test
    void categoriesPointToTheirPagesAndTheirTextIsEscapedByTheWriter() throws Exception {
        Element world = outlines(opml()).stream().filter(o -> o.getAttribute("xmlUrl").equals(BASE + "/feeds/world.rss"))
                .findFirst().orElseThrow();
        assertEquals("Test Gazette \u2014 " + HOSTILE_NAME, world.getAttribute("text"));
        assertEquals("world-description", world.getAttribute("description"));
        assertEquals(BASE + "/categories/world", world.getAttribute("htmlUrl"));
        Element all = outlines(opml()).get(0);
        assertEquals(BASE + "/feeds/all.rss", all.getAttribute("xmlUrl"));
        assertEquals(BASE + "/", all.getAttribute("htmlUrl"));
    }
}
