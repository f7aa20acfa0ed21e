package io.broadsheet.api;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The article API as a newsroom client sees it. */
@MicronautTest(transactional = false)
class ArticleApiTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";

    @Test
    void apiWithoutTokenIs401WithChallenge() {
        Http.Answer answer = http.send(http.request("/api/articles"));
        assertEquals(401, answer.status());
        assertEquals("Bearer realm=\"broadsheet\"", answer.header("WWW-Authenticate").orElseThrow());
        assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow());
    }

    @Test
    void apiWithWrongTokenIs403() {
        assertEquals(403, http.send(http.request("/api/articles").header("Authorization", "Bearer nope")).status());
        assertEquals(401, http.send(http.request("/api/articles").header("Authorization", "Basic abc")).status());
    }

    @Test
    void createAnswers201WithLocationEtagAndServerFields() {
        Http.Answer created = http.post("/api/articles", json(article("create1", WHEN, "world")));
        assertEquals(201, created.status(), created.body());
        assertEquals("/api/articles/create1", created.header("Location").orElseThrow());
        JsonNode body = FeedParsers.jsonTree(created.body());
        assertEquals("create1-title", body.get("title").getStringValue());
        assertEquals(0, body.get("version").getIntValue());
        assertTrue(body.get("createdAt") != null && body.get("updatedAt") != null);
        assertEquals("create1-img2-credit", body.get("images").get(1).get("credit").getStringValue());
        Http.Answer read = http.getAsAdmin("/api/articles/create1");
        assertEquals(200, read.status());
        assertEquals(created.header("ETag"), read.header("ETag"));
    }

    @Test
    void slugAndLinkDefaultFromTitleAndSiteBaseUrl() {
        Http.Answer created = http.post("/api/articles", json(with(article("x", WHEN, "world"),
                "slug", null, "url", null, "title", "Kosovo’s Zürich Talks: Día 2")));
        assertEquals(201, created.status(), created.body());
        JsonNode body = FeedParsers.jsonTree(created.body());
        assertEquals("kosovos-zurich-talks-dia-2", body.get("slug").getStringValue());
        assertEquals("https://news.example.com/articles/kosovos-zurich-talks-dia-2", body.get("link").getStringValue());
        assertEquals(null, body.get("url"), "the derived link is no URL of the article's own");
    }

    @Test
    void duplicateSlugIs409AndLeavesTheFirstArticle() {
        assertEquals(201, http.post("/api/articles", json(article("dup", WHEN, "world"))).status());
        Http.Answer second = http.post("/api/articles", json(with(article("dup", WHEN, "world"), "title", "other")));
        assertEquals(409, second.status());
        assertEquals("application/problem+json", second.header("Content-Type").orElseThrow());
        assertEquals("dup-title", FeedParsers.jsonTree(http.getAsAdmin("/api/articles/dup").body()).get("title").getStringValue());
    }

    @Test
    void unknownArticleIs404OnGetAndDelete() {
        assertEquals(404, http.getAsAdmin("/api/articles/nothing-here").status());
        assertEquals(404, http.delete("/api/articles/nothing-here").status());
    }

    @Test
    void deleteAnswers204AndTheArticleLeavesItsFeed() {
        http.post("/api/articles", json(article("gone", WHEN, "deletions")));
        assertEquals(1, FeedParsers.parse(io.broadsheet.feed.FeedFormat.JSON, http.get("/feeds/deletions.json").body()).items().size());
        assertEquals(204, http.delete("/api/articles/gone").status());
        assertEquals(404, http.getAsAdmin("/api/articles/gone").status());
        assertTrue(FeedParsers.parse(io.broadsheet.feed.FeedFormat.JSON, http.get("/feeds/deletions.json").body()).items().isEmpty());
    }

    static Stream<Arguments> invalidArticles() {
        Map<String, Object> ok = article("bad", WHEN, "world");
        Map<String, Object> badImage = new java.util.LinkedHashMap<>(Fixtures.image("bad", 1));
        return Stream.of(
                Arguments.of("title missing", with(ok, "title", null), "title"),
                Arguments.of("title blank", with(ok, "title", "  "), "title"),
                Arguments.of("title too long", with(ok, "title", "t".repeat(501)), "title"),
                Arguments.of("title not a string", with(ok, "title", 42), "title"),
                Arguments.of("title with a control character", with(ok, "title", "bell\u0007"), "title"),
                Arguments.of("caption with U+FFFF", with(ok, "images", List.of(with(badImage, "caption", "x\uFFFF"))), "images[0].caption"),
                Arguments.of("categories missing", with(ok, "categories", null), "categories"),
                Arguments.of("categories empty", with(ok, "categories", List.of()), "categories"),
                Arguments.of("category not a slug", with(ok, "categories", List.of("World News")), "categories[0]"),
                Arguments.of("publishedAt missing", with(ok, "publishedAt", null), "publishedAt"),
                Arguments.of("publishedAt without offset", with(ok, "publishedAt", "2022-03-17T09:42:00"), "publishedAt"),
                Arguments.of("publishedAt not a date", with(ok, "publishedAt", "yesterday"), "publishedAt"),
                Arguments.of("publishedAt in year 999999999", with(ok, "publishedAt", "+999999999-12-31T23:59:59Z"), "publishedAt"),
                Arguments.of("publishedAt in year 10000", with(ok, "publishedAt", "+10000-01-01T00:00:00Z"), "publishedAt"),
                Arguments.of("tag that lower-cases past 100 characters", with(ok, "tags", List.of("\u0130".repeat(100))), "tags[0]"),
                Arguments.of("slug not a slug", with(ok, "slug", "Bad Slug"), "slug"),
                Arguments.of("url relative", with(ok, "url", "/world/x"), "url"),
                Arguments.of("url ftp", with(ok, "url", "ftp://news.example.com/x"), "url"),
                Arguments.of("unknown field", with(ok, "publishAt", WHEN), "publishAt"),
                Arguments.of("author without name", with(ok, "authors", List.of(Map.of("url", "https://a.example.com"))), "authors[0].name"),
                Arguments.of("tags not an array", with(ok, "tags", "NATO"), "tags"),
                Arguments.of("language not a tag", with(ok, "language", "english!"), "language"),
                Arguments.of("image url missing", with(ok, "images", List.of(with(badImage, "url", null))), "images[0].url"),
                Arguments.of("image url relative", with(ok, "images", List.of(with(badImage, "url", "img.jpg"))), "images[0].url"),
                Arguments.of("image mimeType not an image", with(ok, "images", List.of(with(badImage, "mimeType", "text/html"))), "images[0].mimeType"),
                Arguments.of("image width negative", with(ok, "images", List.of(with(badImage, "width", -1))), "images[0].width"),
                Arguments.of("image width a string", with(ok, "images", List.of(with(badImage, "width", "wide"))), "images[0].width"),
                Arguments.of("image length fractional", with(ok, "images", List.of(with(badImage, "length", 1.5))), "images[0].length"),
                Arguments.of("image not an object", with(ok, "images", List.of("https://m.example.com/a.jpg")), "images[0]"),
                Arguments.of("summary too long", with(ok, "summary", "s".repeat(5_001)), "summary"),
                Arguments.of("body over 1 MiB", with(ok, "body", "b".repeat(1_048_577)), "body"),
                Arguments.of("51 images", with(ok, "images", java.util.Collections.nCopies(51, Fixtures.image("bad", 1))), "images"),
                Arguments.of("21 categories", with(ok, "categories", java.util.stream.IntStream.range(0, 21).mapToObj(i -> "c" + i).toList()), "categories"),
                Arguments.of("51 tags", with(ok, "tags", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "t" + i).toList()), "tags"),
                Arguments.of("url over 2048 characters", with(ok, "url", "https://news.example.com/" + "a".repeat(2030)), "url"),
                Arguments.of("image height negative", with(ok, "images", List.of(with(badImage, "height", -5))), "images[0].height"),
                Arguments.of("summary with U+FFFE", with(ok, "summary", "a\uFFFEb"), "summary"),
                Arguments.of("credit with a NUL", with(ok, "images", List.of(with(badImage, "credit", "a\u0000b"))), "images[0].credit"),
                Arguments.of("copyright too long", with(ok, "images", List.of(with(badImage, "copyright", "c".repeat(501)))), "images[0].copyright"),
                Arguments.of("copyright with a control character", with(ok, "images", List.of(with(badImage, "copyright", "\u0008"))), "images[0].copyright"),
                Arguments.of("license relative", with(ok, "images", List.of(with(badImage, "license", "/terms"))), "images[0].license"),
                Arguments.of("license not a string", with(ok, "images", List.of(with(badImage, "license", 4))), "images[0].license"),
                Arguments.of("renditions not an array", with(ok, "images", List.of(with(badImage, "renditions", rendition(320)))), "images[0].renditions"),
                Arguments.of("21 renditions", with(ok, "images", List.of(with(badImage, "renditions",
                        java.util.Collections.nCopies(21, rendition(320))))), "images[0].renditions"),
                Arguments.of("rendition not an object", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of("https://m.example.com/a-320.jpg")))), "images[0].renditions[0]"),
                Arguments.of("rendition url missing", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of(rendition(320), with(rendition(640), "url", null))))), "images[0].renditions[1].url"),
                Arguments.of("rendition url relative", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of(rendition(320), with(rendition(640), "url", "a-640.jpg"))))), "images[0].renditions[1].url"),
                Arguments.of("rendition url javascript", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of(with(rendition(640), "url", "javascript:alert(1)"))))), "images[0].renditions[0].url"),
                Arguments.of("rendition mimeType not an image", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of(with(rendition(640), "mimeType", "text/html"))))), "images[0].renditions[0].mimeType"),
                Arguments.of("rendition width negative", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of(with(rendition(640), "width", -640))))), "images[0].renditions[0].width"),
                Arguments.of("rendition height fractional", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of(with(rendition(640), "height", 426.7))))), "images[0].renditions[0].height"),
                Arguments.of("rendition with an unknown member", with(ok, "images", List.of(with(badImage, "renditions",
                        List.of(with(rendition(640), "length", 1000))))), "images[0].renditions[0].length"));
    }

    private static Map<String, Object> rendition(int width) {
        return new java.util.LinkedHashMap<>(Map.of("url", "https://m.example.com/a-" + width + ".jpg", "width", width,
                "height", width * 2 / 3, "mimeType", "image/jpeg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidArticles")
    void invalidArticleIs400NamingTheFieldAndStoresNothing(String why, Map<String, Object> article, String field) {
        long before = total();
        Http.Answer answer = http.post("/api/articles", json(article));
        assertEquals(400, answer.status(), why + ": " + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow());
        assertEquals(List.of(field), fields(answer), why);
        assertEquals(before, total(), why + ": nothing stored");
    }

    @Test
    void loneSurrogateEscapedInJsonIs400NamingTheField() {
        String body = json(article("surrogate", WHEN, "world")).replace("\"surrogate-title\"", "\"bad \\ud800 title\"");
        Http.Answer answer = http.post("/api/articles", body);
        assertEquals(List.of("title"), fields(answer));
    }

    @Test
    void plainTextIsKeptAsSentAndEscapedOnOutput() {
        http.post("/api/articles", json(with(article("plain", WHEN, "plain-text"), "title", "A <b> & </b> title",
                "images", List.of(with(Fixtures.image("plain", 1), "caption", "<script>x</script> caption")))));
        assertEquals("A <b> & </b> title", FeedParsers.jsonTree(http.getAsAdmin("/api/articles/plain").body()).get("title").getStringValue());
        String rss = http.get("/feeds/plain-text.rss").body();
        assertTrue(rss.contains("<title>A &lt;b&gt; &amp; &lt;/b&gt; title</title>"), rss);
        assertTrue(rss.contains("<media:description type=\"plain\">&lt;script&gt;x&lt;/script&gt; caption</media:description>"), rss);
        for (io.broadsheet.feed.FeedFormat format : io.broadsheet.feed.FeedFormat.values()) {
            io.broadsheet.testing.ParsedFeed.Item item = FeedParsers.parse(format, http.get("/feeds/plain-text." + format.extension()).body()).items().get(0);
            assertEquals("A <b> & </b> title", item.title(), format.name());
            assertEquals("<script>x</script> caption", item.images().get(0).caption(), format.name());
            assertTrue(item.contentHtml().contains("<figcaption>&lt;script&gt;x&lt;/script&gt; caption"), item.contentHtml());
        }
    }

    @Test
    void sanitiserKeepsNewsMarkupAndDropsTheRest() {
        String body = "<h2>Head</h2><ul><li>one</li></ul><blockquote><p>quote</p></blockquote>"
                + "<figure><img src=\"https://m.example.com/x.jpg\" alt=\"x\"><figcaption>cap</figcaption></figure>"
                + "<p><em>em</em> <strong>strong</strong> <a href=\"mailto:desk@example.com\">mail</a></p>"
                + "<style>p{color:red}</style><object data=\"x\"></object><p style=\"color:red\" onmouseover=\"x()\">styled</p>"
                + "<img src=\"data:image/png;base64,AAAA\"><a href=\"vbscript:x\">vb</a>"
                + "<img src=\"https://m.example.com/y.jpg\" srcset=\"data:image/svg+xml,x 1x, ftp://e.example.com/y 2x\">";
        String stored = FeedParsers.jsonTree(http.post("/api/articles", json(with(article("markup", WHEN, "world"), "body", body))).body())
                .get("body").getStringValue();
        assertEquals("<h2>Head</h2><ul><li>one</li></ul><blockquote><p>quote</p></blockquote>"
                + "<figure><img src=\"https://m.example.com/x.jpg\" alt=\"x\"><figcaption>cap</figcaption></figure>"
                + "<p><em>em</em> <strong>strong</strong> <a href=\"mailto:desk@example.com\">mail</a></p>"
                + "<p>styled</p><a>vb</a><img src=\"https://m.example.com/y.jpg\">", stored);
    }

    @Test
    void everyBrokenFieldIsNamedInOneAnswer() {
        Http.Answer answer = http.post("/api/articles", json(with(article("many", WHEN, "world"),
                "title", null, "publishedAt", "soon", "categories", List.of())));
        assertEquals(List.of("title", "categories", "publishedAt"), fields(answer));
    }

    @Test
    void malformedJsonIs400AndWrongMediaTypeIs415() {
        Http.Answer malformed = http.post("/api/articles", "{\"title\": ");
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("application/problem+json", malformed.header("Content-Type").orElseThrow());
        assertEquals(400, http.post("/api/articles", "[1, 2]").status());
        Http.Answer text = http.send(http.admin("/api/articles").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertEquals(415, text.status(), text.body());
        assertEquals("application/problem+json", text.header("Content-Type").orElseThrow());
    }

    @Test
    void articleBodyOverTwoMegabytesIs413AndAnImportMayBeLarger() {
        Http.Answer tooLarge = http.post("/api/articles", json(with(article("huge", WHEN, "world"),
                "body", "<p>" + "x".repeat(2 * 1024 * 1024) + "</p>")));
        assertEquals(413, tooLarge.status());
        assertEquals("application/problem+json", tooLarge.header("Content-Type").orElseThrow());
        assertEquals(413, http.put("/api/categories/world", json(Map.of("name", "n".repeat(2 * 1024 * 1024))), null).status());
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            ndjson.append(json(with(article("bulk" + i, WHEN, "bulk"), "body", "<p>" + "y".repeat(300_000) + "</p>"))).append('\n');
        }
        Http.Answer imported = http.importLines(ndjson.toString());
        assertEquals(200, imported.status(), imported.body());
        assertEquals(12, FeedParsers.jsonTree(imported.body()).get("created").getIntValue());
    }

    @Test
    void putCreatesThenReplacesAndIfMatchGuardsAgainstLostUpdates() {
        Http.Answer created = http.put("/api/articles/put1", json(with(article("put1", WHEN, "world"), "slug", null)), null);
        assertEquals(201, created.status(), created.body());
        String etag = created.header("ETag").orElseThrow();
        Http.Answer replaced = http.put("/api/articles/put1", json(with(article("put1", WHEN, "world"), "title", "v2")), etag);
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals(1, FeedParsers.jsonTree(replaced.body()).get("version").getIntValue());
        Http.Answer stale = http.put("/api/articles/put1", json(with(article("put1", WHEN, "world"), "title", "v3")), etag);
        assertEquals(412, stale.status());
        assertEquals(replaced.header("ETag"), stale.header("ETag"), "412 names the current ETag");
        assertEquals("v2", FeedParsers.jsonTree(http.getAsAdmin("/api/articles/put1").body()).get("title").getStringValue());
        assertEquals(412, http.put("/api/articles/none-yet", json(article("none-yet", WHEN, "world")), "\"1-0\"").status());
    }

    @Test
    void putReplacesImagesAuthorsCategoriesAndTagsWhole() {
        http.post("/api/articles", json(article("whole", WHEN, "world", "europe")));
        Http.Answer replaced = http.put("/api/articles/whole", json(with(article("whole", WHEN, "sports"),
                "images", List.of(Fixtures.image("whole-new", 1)), "tags", List.of("new-tag"))), null);
        JsonNode body = FeedParsers.jsonTree(replaced.body());
        assertEquals(1, body.get("images").size());
        assertEquals("whole-new-img1-caption", body.get("images").get(0).get("caption").getStringValue());
        assertEquals("sports", body.get("categories").get(0).getStringValue());
        assertEquals(1, body.get("categories").size());
        assertEquals("new-tag", body.get("tags").get(0).getStringValue());
    }

    @Test
    void replacementMayLeaveOutEveryOptionalField() {
        http.post("/api/articles", json(article("sparse", WHEN, "world")));
        Map<String, Object> minimal = Map.of("title", "Sparse", "categories", List.of("world"), "publishedAt", WHEN);
        Http.Answer replaced = http.put("/api/articles/sparse", json(minimal), null);
        assertEquals(200, replaced.status(), replaced.body());
        JsonNode body = FeedParsers.jsonTree(replaced.body());
        assertEquals("https://news.example.com/articles/sparse", body.get("link").getStringValue());
        assertEquals(null, body.get("url"));
        assertEquals(0, body.get("images").size());
        assertEquals(null, body.get("summary"));
    }

    @Test
    void renameOntoAnExistingSlugIs409() {
        http.post("/api/articles", json(article("ren-a", WHEN, "world")));
        http.post("/api/articles", json(article("ren-b", WHEN, "world")));
        assertEquals(409, http.put("/api/articles/ren-a", json(with(article("ren-a", WHEN, "world"), "slug", "ren-b")), null).status());
        assertEquals("ren-a-title", FeedParsers.jsonTree(http.getAsAdmin("/api/articles/ren-a").body()).get("title").getStringValue());
    }

    @Test
    void listingIsNewestFirstFilteredAndPaged() {
        for (int i = 1; i <= 5; i++) {
            http.post("/api/articles", json(with(article("list" + i, "2021-01-0" + i + "T00:00:00Z", "listing"),
                    "tags", List.of(i % 2 == 0 ? "Even" : "Odd", "Listed"))));
        }
        JsonNode page1 = FeedParsers.jsonTree(http.getAsAdmin("/api/articles?category=listing&size=2").body());
        assertEquals(5, page1.get("total").getIntValue());
        assertEquals(List.of("list5", "list4"), slugs(page1));
        JsonNode page3 = FeedParsers.jsonTree(http.getAsAdmin("/api/articles?category=listing&size=2&page=3").body());
        assertEquals(List.of("list1"), slugs(page3));
        JsonNode even = FeedParsers.jsonTree(http.getAsAdmin("/api/articles?category=listing&tag=even").body());
        assertEquals(List.of("list4", "list2"), slugs(even));
        JsonNode tagged = FeedParsers.jsonTree(http.getAsAdmin("/api/articles?tag=listed&size=2").body());
        assertEquals(5, tagged.get("total").getIntValue(), "counted from the tag's rows alone");
        assertEquals(List.of("list5", "list4"), slugs(tagged));
        Http.Answer badPage = http.getAsAdmin("/api/articles?page=zero");
        assertEquals(400, badPage.status());
        assertEquals(List.of("page"), fields(badPage));
        assertEquals(List.of("size"), fields(http.getAsAdmin("/api/articles?size=1000")));
    }

    @Test
    void importStoresGoodLinesAndRejectsOnlyTheBadOnes() {
        http.post("/api/articles", json(article("imp-existing", WHEN, "imports")));
        String ndjson = String.join("\n",
                json(article("imp1", WHEN, "imports")),
                json(with(article("imp2", WHEN, "imports"), "title", null)),
                "{not json",
                json(with(article("imp-existing", WHEN, "imports"), "title", "updated by import")),
                "",
                json(article("imp3", WHEN, "imports")));
        Http.Answer answer = http.importLines(ndjson);
        assertEquals(200, answer.status(), answer.body());
        JsonNode result = FeedParsers.jsonTree(answer.body());
        assertEquals(2, result.get("created").getIntValue());
        assertEquals(1, result.get("updated").getIntValue());
        JsonNode rejected = result.get("rejected");
        assertEquals(2, rejected.size());
        assertEquals(2, rejected.get(0).get("line").getIntValue());
        assertEquals("imp2", rejected.get(0).get("slug").getStringValue());
        assertEquals("title", rejected.get(0).get("errors").get(0).get("field").getStringValue());
        assertEquals(3, rejected.get(1).get("line").getIntValue());
        assertEquals(404, http.getAsAdmin("/api/articles/imp2").status());
        assertEquals("updated by import", FeedParsers.jsonTree(http.getAsAdmin("/api/articles/imp-existing").body())
                .get("title").getStringValue());
        assertEquals(200, http.getAsAdmin("/api/articles/imp3").status());
    }

    @Test
    void bodyIsSanitisedAndRelativeUrlsMadeAbsolute() {
        Http.Answer created = http.post("/api/articles", json(with(article("html1", WHEN, "world"), "body",
                "<p onclick=\"x()\">Hi <a href=\"/world/other\">more</a><script>alert(1)</script></p>"
                        + "<iframe src=\"https://evil.example.com\"></iframe><a href=\"javascript:alert(1)\">js</a>")));
        String body = FeedParsers.jsonTree(created.body()).get("body").getStringValue();
        assertEquals("<p>Hi <a href=\"https://news.example.com/world/other\">more</a></p><a>js</a>", body);
    }

    @Test
    void categoriesAreListedWithFeedsAndCanBeDescribed() {
        http.post("/api/articles", json(article("cat1", WHEN, "climate")));
        Http.Answer described = http.put("/api/categories/climate",
                json(Map.of("name", "Climate & Environment", "description", "Our planet")), null);
        assertEquals(200, described.status(), described.body());
        JsonNode list = FeedParsers.jsonTree(http.getAsAdmin("/api/categories").body());
        JsonNode climate = null;
        for (JsonNode c : list.values()) {
            if (c.get("slug").getStringValue().equals("climate")) {
                climate = c;
            }
        }
        assertEquals("Climate & Environment", climate.get("name").getStringValue());
        assertEquals("https://news.example.com/feeds/climate.atom", climate.get("feeds").get("atom").getStringValue());
        String rss = http.get("/feeds/climate.rss").body();
        assertTrue(rss.contains("<title>Test Gazette — Climate &amp; Environment</title>"), rss);
        assertTrue(rss.contains("<description>Our planet</description>"), rss);
        assertEquals(201, http.put("/api/categories/brand-new", json(Map.of("name", "Brand new")), null).status());
        assertEquals(List.of("name"), fields(http.put("/api/categories/brand-new", json(Map.of("description", "x")), null)));
        assertEquals(List.of("slug"), fields(http.put("/api/categories/Bad_Slug", json(Map.of("name", "x")), null)));
    }

    private long total() {
        return FeedParsers.jsonTree(http.getAsAdmin("/api/articles?size=1").body()).get("total").getLongValue();
    }

    private static List<String> fields(Http.Answer answer) {
        assertEquals(400, answer.status(), answer.body());
        List<String> fields = new ArrayList<>();
        FeedParsers.jsonTree(answer.body()).get("errors").values().forEach(e -> fields.add(e.get("field").getStringValue()));
        return fields;
    }

    private static List<String> slugs(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.get("items").values().forEach(i -> slugs.add(i.get("slug").getStringValue()));
        return slugs;
    }
}
