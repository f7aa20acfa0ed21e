package io.broadsheet.fediverse;

import io.broadsheet.pages.Html5;
import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.broadsheet.fediverse.ActorDocumentsTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Articles as the fediverse reads them: each Note, the outbox of Creates, and the links from the feeds and pages. */
@MicronautTest(transactional = false)
class NotesAndOutboxTest extends HttpTest {

    private static final String BASE = "https://news.example.com";
    private static final String KOSOVO = "kosovo-asks-biden-to-support-nato-bid";

    private long kosovo;

    @BeforeAll
    void importTheFirstFiftyStories() {
        JsonNode result = FeedParsers.jsonTree(http.importLines(Corpus.sample().limit(50).ndjson()).body());
        assertEquals(50, result.get("created").getIntValue(), "imported");
        kosovo = FeedParsers.jsonTree(http.getAsAdmin("/api/articles/" + KOSOVO).body()).get("id").getLongValue();
    }

    @Test
    void kosovoStoryIsANoteWithItsTitleTeaserLinkCreditAndPicture() {
        Http.Answer answer = activity("/fediverse/world/notes/" + kosovo);
        assertEquals(200, answer.status(), answer.body());
        assertEquals("application/activity+json; charset=utf-8", answer.header("Content-Type").orElse(""));
        JsonNode note = FeedParsers.jsonTree(answer.body());
        String id = BASE + "/fediverse/world/notes/" + kosovo;
        String url = BASE + "/articles/" + KOSOVO;
        assertEquals("https://www.w3.org/ns/activitystreams", note.get("@context").get(0).getStringValue());
        assertEquals(id, text(note, "id"));
        assertEquals("Note", text(note, "type"));
        assertEquals(BASE + "/fediverse/world", text(note, "attributedTo"));
        assertEquals("<p><strong>Kosovo Asks Biden To Support NATO Bid</strong></p>"
                + "<p>Fearing threats to sovereignty after Russia\u2019s invasion of Ukraine, Serbia\u2019s breakaway region"
                + " of Kosovo appealed to US President Joe Biden to support their NATO membership.</p>"
                + "<p><a href=\"" + url + "\">" + url + "</a></p><p>Photo: Armend NIMANI / AFP</p>", text(note, "content"));
        assertEquals(text(note, "content"), text(note.get("contentMap"), "en"), "the content in the article's language");
        assertEquals(url, text(note, "url"));
        assertEquals("2022-03-17T09:42:00Z", text(note, "published"));
        assertNull(note.get("updated"), "never edited");
        assertNull(note.get("summary"), "a summary is a content warning on Mastodon");
        assertFalse(note.get("sensitive").getBooleanValue());
        assertEquals("https://www.w3.org/ns/activitystreams#Public", note.get("to").get(0).getStringValue());
        assertEquals(BASE + "/fediverse/world/followers", note.get("cc").get(0).getStringValue());
        assertEquals(1, note.get("attachment").size(), "one picture");
        JsonNode picture = note.get("attachment").get(0);
        assertEquals("Image", text(picture, "type"));
        assertEquals("https://media.example.com/2022/03/kosovo-kurti-baerbock-pristina.jpg", text(picture, "url"));
        assertEquals("image/jpeg", text(picture, "mediaType"));
        assertEquals(1200, picture.get("width").getIntValue());
        assertEquals(800, picture.get("height").getIntValue());
        assertEquals("Albin Kurti at a lectern during a press conference in Pristina", text(picture, "name"), "the alt text");
    }

    @Test
    void pictureWithoutAltTextIsNamedByItsCaptionAndTitlesAreEscaped() {
        Map<String, Object> image = Fixtures.with(Fixtures.image("n-caption", 1), "alt", null);
        Map<String, Object> article = Fixtures.with(Fixtures.article("n-caption", "2026-01-02T10:00:00Z", "culture"),
                "title", "Fish & <chips>", "images", List.of(image));
        assertEquals(201, http.post("/api/articles", Fixtures.json(article)).status());
        long id = FeedParsers.jsonTree(http.getAsAdmin("/api/articles/n-caption").body()).get("id").getLongValue();
        JsonNode note = FeedParsers.jsonTree(activity("/fediverse/culture/notes/" + id).body());
        assertEquals("n-caption-img1-caption", text(note.get("attachment").get(0), "name"));
        assertTrue(text(note, "content").startsWith("<p><strong>Fish &amp; &lt;chips&gt;</strong></p>"), text(note, "content"));
        assertTrue(text(note, "content").endsWith("<p>Photo: n-caption-img1-credit</p>"), text(note, "content"));
    }

    @Test
    void noteIsOnlyAnsweredByTheFeedsThatHoldItsArticle() {
        assertEquals(200, activity("/fediverse/all/notes/" + kosovo).status());
        assertEquals(200, activity("/fediverse/europe/notes/" + kosovo).status());
        assertEquals(404, activity("/fediverse/culture/notes/" + kosovo).status(), "not in culture");
        assertEquals(404, activity("/fediverse/world/notes/999999").status(), "no such article");
        assertEquals(404, activity("/fediverse/world/notes/01").status(), "not an id");
        Map<String, Object> embargoed = Fixtures.article("n-embargo", "2099-01-01T00:00:00Z", "world");
        assertEquals(201, http.post("/api/articles", Fixtures.json(embargoed)).status());
        long id = FeedParsers.jsonTree(http.getAsAdmin("/api/articles/n-embargo").body()).get("id").getLongValue();
        assertEquals(404, activity("/fediverse/world/notes/" + id).status(), "embargoed");
    }

    @Test
    void withdrawnArticlesNoteIsGoneWithATombstone() {
        Map<String, Object> article = Fixtures.article("n-withdrawn", "2026-01-03T10:00:00Z", "world");
        assertEquals(201, http.post("/api/articles", Fixtures.json(article)).status());
        long id = FeedParsers.jsonTree(http.getAsAdmin("/api/articles/n-withdrawn").body()).get("id").getLongValue();
        assertEquals(200, activity("/fediverse/world/notes/" + id).status());
        assertEquals(200, http.post("/api/articles/n-withdrawn/withdraw", "{\"reason\": \"Legal request\"}").status());
        Http.Answer gone = activity("/fediverse/world/notes/" + id);
        assertEquals(410, gone.status(), gone.body());
        JsonNode tombstone = FeedParsers.jsonTree(gone.body());
        assertEquals("Tombstone", text(tombstone, "type"));
        assertEquals(BASE + "/fediverse/world/notes/" + id, text(tombstone, "id"));
    }

    @Test
    void outboxListsTheFeedsCreatesNewestFirstTwentyAPage() {
        JsonNode outbox = FeedParsers.jsonTree(activity("/fediverse/all/outbox").body());
        String id = BASE + "/fediverse/all/outbox";
        assertEquals("OrderedCollection", text(outbox, "type"));
        long total = outbox.get("totalItems").getLongValue();
        int last = (int) ((total + 19) / 20);
        assertTrue(total > 20, "more than a page of stories: " + total);
        assertEquals(id + "?page=1", text(outbox, "first"));
        assertEquals(id + "?page=" + last, text(outbox, "last"));
        List<String> urls = new ArrayList<>();
        for (int page = 1; page <= last; page++) {
            JsonNode document = FeedParsers.jsonTree(activity("/fediverse/all/outbox?page=" + page).body());
            assertEquals("OrderedCollectionPage", text(document, "type"));
            assertEquals(id, text(document, "partOf"));
            assertEquals(page < last ? id + "?page=" + (page + 1) : null, text(document, "next"), "next of " + page);
            JsonNode items = document.get("orderedItems");
            for (int i = 0; i < items.size(); i++) {
                JsonNode create = items.get(i);
                assertEquals("Create", text(create, "type"));
                assertEquals(text(create.get("object"), "id") + "#create", text(create, "id"));
                assertEquals(BASE + "/fediverse/all", text(create, "actor"));
                urls.add(text(create.get("object"), "url"));
            }
        }
        JsonNode feed = FeedParsers.jsonTree(http.get("/feeds/all.json").body()).get("items");
        List<String> feedUrls = new ArrayList<>();
        for (int i = 0; i < feed.size(); i++) {
            if (feed.get(i).get("_withdrawn") == null) { // a tombstone is no Create
                feedUrls.add(text(feed.get(i), "url"));
            }
        }
        assertEquals(feedUrls, urls.subList(0, feedUrls.size()), "the feed's order: newest first");
        assertEquals(total, urls.size(), "every Create once");
    }

    @Test
    void outboxPagePastTheLastIs404NamingPageAndABadPage400() {
        Http.Answer past = activity("/fediverse/tagged-kosovo/outbox?page=99");
        assertEquals(404, past.status(), past.body());
        assertEquals("page", FeedParsers.jsonTree(past.body()).get("errors").get(0).get("field").getStringValue());
        Http.Answer deep = activity("/fediverse/tagged-kosovo/outbox?page=1000000");
        assertEquals(404, deep.status(), "past the feeds' deepest numbered page: " + deep.body());
        Http.Answer bad = activity("/fediverse/tagged-kosovo/outbox?page=0");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("page", FeedParsers.jsonTree(bad.body()).get("errors").get(0).get("field").getStringValue());
    }

    @Test
    void jsonFeedOfAPublicFeedNamesItsActorAndAPartnerFeedNone() {
        JsonNode world = FeedParsers.jsonTree(http.get("/feeds/world.json").body()).get("_fediverse");
        assertNotNull(world, "_fediverse in the world feed");
        assertEquals(2, world.size(), "exactly actor and handle: " + world);
        assertEquals(BASE + "/fediverse/world", text(world, "actor"));
        assertEquals("@world@news.example.com", text(world, "handle"));
        String key = FeedParsers.jsonTree(http.post("/api/partners", Fixtures.json(Map.of("name", "Wire",
                "feeds", List.of("partner-wire")))).body()).get("key").getStringValue();
        Http.Answer partner = http.get("/feeds/partner-wire.json?key=" + key);
        assertEquals(200, partner.status(), partner.body());
        assertNull(FeedParsers.jsonTree(partner.body()).get("_fediverse"), "a partner feed has no actor");
        Http.Answer page = http.send(HttpRequest.newBuilder(server.getURI().resolve("/feeds/partner-wire.rss?key=" + key))
                .header("Accept", "text/html").GET());
        assertFalse(page.body().contains("activity+json") || page.body().contains("fediverse"), "no actor on its page");
    }

    @Test
    void pagesOfAFeedLinkItsActorAndShowItsHandle() {
        assertLinksActor(http.get("/").body(), "all");
        assertLinksActor(http.get("/categories/world").body(), "world");
        Http.Answer browserView = http.send(HttpRequest.newBuilder(server.getURI().resolve("/feeds/europe.atom"))
                .header("Accept", "text/html").GET());
        assertEquals("text/html;charset=utf-8", browserView.header("Content-Type").orElse("").replace(" ", ""));
        assertLinksActor(browserView.body(), "europe");
    }

    private static void assertLinksActor(String html, String feed) {
        Document page = Html5.assertConforms(html, feed + "'s page");
        Element link = page.selectFirst("link[rel=alternate][type=application/activity+json]");
        assertNotNull(link, "a link to the actor in " + feed + "'s page");
        assertEquals(BASE + "/fediverse/" + feed, link.attr("href"));
        assertEquals("Follow on the fediverse: @" + feed + "@news.example.com", page.selectFirst("p.fediverse").text());
    }

    private Http.Answer activity(String path) {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "application/activity+json")
                .GET());
    }
}
