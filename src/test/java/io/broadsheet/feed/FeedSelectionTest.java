package io.broadsheet.feed;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.ParsedFeed;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.broadsheet.feed.FeedContractTest.id;
import static io.broadsheet.feed.FeedContractTest.itemId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which articles each feed holds, in which order, and when. */
@MicronautTest(transactional = false)
class FeedSelectionTest extends HttpTest {

    @Inject
    MutableClock clock;

    private long world1;
    private long world2;
    private long europe1;
    private long sports1;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.withMutableClock("FeedSelectionTest");
    }

    @BeforeAll
    void publish() {
        clock.set(Instant.parse("2026-01-01T12:00:00Z"));
        world1 = id(http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("world1", "2022-03-17T09:00:00Z", "world"),
                "tags", List.of("NATO", "Kosovo")))));
        world2 = id(http.post("/api/articles", Fixtures.json(Fixtures.article("world2", "2022-03-19T09:00:00Z", "world"))));
        europe1 = id(http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("europe1", "2022-03-18T09:00:00Z", "europe"),
                "tags", List.of("nato")))));
        sports1 = id(http.post("/api/articles", Fixtures.json(Fixtures.article("sports1", "2022-03-20T09:00:00Z", "sports"))));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void categoryFeedHoldsItsArticlesNewestFirst(FeedFormat format) {
        assertEquals(List.of(itemId(world2), itemId(world1)), feed("world", format).ids());
        assertEquals(List.of(itemId(sports1)), feed("sports", format).ids());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void allHoldsEveryCategoryNewestFirst(FeedFormat format) {
        List<String> fixed = List.of(itemId(sports1), itemId(world2), itemId(europe1), itemId(world1));
        List<String> all = feed("all", format).ids();
        assertEquals(fixed, all.stream().filter(fixed::contains).toList(), "the four fixed articles in order, among " + all);
    }

    @Test
    void namedFeedWithCategoriesAndTagsSelectsArticlesInBoth() {
        assertEquals(List.of(itemId(world1)), feed("nato-world", FeedFormat.RSS).ids(), "world AND tagged nato (any case)");
    }

    @Test
    void namedFeedOfTagsMatchesTagsCaseInsensitively() {
        assertEquals(List.of(itemId(world1)), feed("tagged-kosovo", FeedFormat.ATOM).ids());
    }

    @Test
    void summaryFeedHasNoBodyAndKeepsItsLimit() {
        for (FeedFormat format : FeedFormat.values()) {
            ParsedFeed teasers = feed("teasers", format);
            assertEquals(4, teasers.items().size(), format + ": four articles under the limit of five");
            teasers.items().forEach(item -> assertNull(item.contentHtml(), format + ": summary mode carries no body"));
            assertEquals(2, teasers.item(itemId(world1)).images().size(), format + ": pictures stay in summary mode");
        }
    }

    @Test
    void itemLimitKeepsTheNewest() {
        List<String> newest = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String key = "limit" + i;
            long id = id(http.post("/api/articles", Fixtures.json(Fixtures.article(key, "2023-01-0" + (i + 1) + "T00:00:00Z", "limited"))));
            newest.add(0, itemId(id));
        }
        assertEquals(7, feed("limited", FeedFormat.JSON).items().size());
        assertEquals(newest.subList(0, 5), feed("teasers", FeedFormat.JSON).ids(), "teasers: the five newest of all");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void embargoedArticleAppearsOnceItsTimeHasCome(FeedFormat format) {
        String key = "embargo-" + format.extension();
        long id = id(http.post("/api/articles", Fixtures.json(Fixtures.article(key, "2026-01-01T13:00:00Z", "embargo-" + format.extension()))));
        assertFalse(feed("all", format).ids().contains(itemId(id)), "absent from all before its time");
        assertEquals(404, http.get("/feeds/embargo-" + format.extension() + "." + format.extension()).status(),
                "its new category is not revealed before its time");
        clock.set(Instant.parse("2026-01-01T13:00:00Z"));
        try {
            assertTrue(feed("all", format).ids().contains(itemId(id)), "present in all at its time");
            assertEquals(List.of(itemId(id)), feed("embargo-" + format.extension(), format).ids());
        } finally {
            clock.set(Instant.parse("2026-01-01T12:00:00Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void itemIdStaysTheSameWhenTheSlugChanges(FeedFormat format) {
        String key = "rename-" + format.extension();
        long id = id(http.post("/api/articles", Fixtures.json(Fixtures.article(key, "2022-01-01T00:00:00Z", "renames"))));
        Http.Answer renamed = http.put("/api/articles/" + key,
                Fixtures.json(Fixtures.with(Fixtures.article(key, "2022-01-01T00:00:00Z", "renames"),
                        "slug", key + "-renamed", "url", "https://news.example.com/stories/" + key + "-renamed")), null);
        assertEquals(200, renamed.status(), renamed.body());
        ParsedFeed.Item item = feed("renames", format).item(itemId(id));
        assertEquals("https://news.example.com/stories/" + key + "-renamed", item.url());
        assertEquals(404, http.getAsAdmin("/api/articles/" + key).status());
        assertEquals(200, http.getAsAdmin("/api/articles/" + key + "-renamed").status());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void categoryWithNoVisibleItemsIsAValidEmptyFeed(FeedFormat format) {
        String category = "emptied-" + format.extension();
        http.post("/api/articles", Fixtures.json(Fixtures.article(category + "-1", "2022-01-01T00:00:00Z", category)));
        assertEquals(204, http.delete("/api/articles/" + category + "-1").status());
        ParsedFeed feed = feed(category, format);
        assertTrue(feed.items().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void aCategoryOnlyEmbargoedArticlesUseStaysUnknownUntilTheirTime(FeedFormat format) {
        String category = "secret-deal-" + format.extension();
        http.post("/api/articles", Fixtures.json(Fixtures.article(category + "-1", "2026-01-01T15:00:00Z", category)));
        assertEquals(404, http.get("/feeds/" + category + "." + format.extension()).status());
        assertFalse(http.get("/").body().contains(category), "the home page does not name it");
        clock.set(Instant.parse("2026-01-01T15:00:00Z"));
        try {
            assertEquals(1, feed(category, format).items().size());
            assertTrue(http.get("/").body().contains(category));
        } finally {
            clock.set(Instant.parse("2026-01-01T12:00:00Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void unknownFeedIsProblem404(FeedFormat format) {
        Http.Answer answer = http.get("/feeds/no-such-feed." + format.extension());
        assertEquals(404, answer.status());
        assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow());
        assertEquals(404, FeedParsers.jsonTree(answer.body()).get("status").getIntValue());
    }

    @Test
    void unknownFormatIsProblem404() {
        assertEquals(404, http.get("/feeds/world.xml").status());
        assertEquals(404, http.get("/feeds/world").status());
    }

    private ParsedFeed feed(String name, FeedFormat format) {
        Http.Answer answer = http.get("/feeds/" + name + "." + format.extension());
        assertEquals(200, answer.status(), name + "." + format.extension() + ": " + answer.body());
        return FeedParsers.parse(format, answer.body());
    }
}
