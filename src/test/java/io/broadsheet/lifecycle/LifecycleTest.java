package io.broadsheet.lifecycle;

import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.Signals.Signal;
import io.broadsheet.testing.Signals;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.TestHub;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.feed.FeedChanges;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jdom2.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static io.broadsheet.testing.FeedParsers.jsonTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Withdrawals, restores, expiry, corrections and idle replaces, as every format serves them: each document is
 * parsed back element by element ({@link Signals}) the way a partner's ingester reads it.
 */
@MicronautTest(transactional = false)
class LifecycleTest extends HttpTest {

    private static final String PUBLISHED = "2026-11-30T08:00:00Z";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    MutableClock clock;

    @Inject
    FeedChanges changes;

    @Inject
    io.broadsheet.feed.FeedIndex index;

    @Inject
    io.broadsheet.feed.FeedCache cache;

    @Inject
    io.broadsheet.storage.FeedPageQueries pages;

    @Inject
    io.broadsheet.article.ArticleService articles;

    @io.micronaut.context.annotation.Value("${datasources.default.url}")
    String databaseUrl;

    private final TestHub hub = new TestHub(0);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties("LifecycleTest"));
        properties.put("broadsheet.test.mutable-clock", "true");
        properties.put("broadsheet.websub.hubs", hub.url());
        properties.put("broadsheet.websub.delay", "100ms");
        return properties;
    }

    @AfterAll
    void closeHub() {
        hub.close();
    }

    private String id(String slug) {
        return "tag:news.example.com,2022:article:" + jsonTree(http.getAsAdmin("/api/articles/" + slug).body()).get("id").getLongValue();
    }

    private List<Signal> signals(String feed, FeedFormat format) {
        Http.Answer answer = http.get("/feeds/" + feed + "." + format.extension());
        assertEquals(200, answer.status(), answer.body());
        return Signals.read(format, answer.body(), clock.instant());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void aWithdrawnArticleLeavesEveryFeedThatShowedItForATombstoneAtTheTopOfItsFirstPage(FeedFormat format)
            throws InterruptedException {
        String desk = "takedown-" + format.extension();
        clock.set(NOW);
        http.post("/api/articles", json(article(desk + "-kept", PUBLISHED, desk)));
        http.post("/api/articles", json(with(article(desk + "-killed", "2026-11-30T09:00:00Z", desk), "tags", List.of("Kosovo"))));
        http.post("/api/articles", json(article(desk + "-elsewhere", PUBLISHED, desk + "-other")));
        String killed = id(desk + "-killed");
        String path = "/feeds/" + desk + "." + format.extension();
        Http.Answer before = http.get(path);

        hub.awaitQuiet(9); // the creations' pings
        clock.set(NOW.plusSeconds(60));
        hub.clear();
        Http.Answer withdrawn = http.post("/api/articles/" + desk + "-killed/withdraw", "{\"reason\": \"Legal request\"}");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        JsonNode view = jsonTree(withdrawn.body()).get("withdrawn");
        assertEquals(NOW.plusSeconds(60).toString(), view.get("at").getStringValue());
        assertEquals("Legal request", view.get("reason").getStringValue());

        for (String feed : List.of(desk, "all", "tagged-kosovo")) {
            // read as at a far later instant: other tests' clocks leave tombstones dated after this test's "now"
            List<Signal> signals = Signals.read(format, http.get("/feeds/" + feed + "." + format.extension()).body(),
                    Instant.parse("9999-01-01T00:00:00Z"));
            int at = signals.stream().map(Signal::id).toList().indexOf(killed);
            assertTrue(at >= 0, feed + ": a tombstone: " + signals);
            Signal tombstone = signals.get(at);
            assertTrue(signals.subList(0, at + 1).stream().allMatch(Signal::withdrawn),
                    feed + ": tombstones come first, ahead of every item: " + signals);
            assertEquals(NOW.plusSeconds(60), tombstone.updated(), "dated at the withdrawal");
            assertFalse(tombstone.media(), "no picture: " + tombstone);
            assertEquals(1, signals.stream().filter(s -> s.id().equals(killed)).count(), "no item of it besides");
            if (format == FeedFormat.RSS || format == FeedFormat.JSON) {
                assertEquals("Withdrawn", tombstone.title());
                assertEquals("This article was withdrawn on 1 December 2026: Legal request", tombstone.content());
            }
            if (format == FeedFormat.RSS) {
                assertEquals(Instant.parse("2026-11-30T09:00:00Z"), tombstone.validStart());
                assertEquals(NOW.plusSeconds(60), tombstone.validEnd(), "dcterms:valid ends at the withdrawal");
                assertNull(tombstone.mediaStatus(), "media:status only with defaults.media-rss-1-5");
            } else {
                assertEquals("Legal request", tombstone.reason());
            }
        }
        List<Signal> desks = signals(desk, format);
        assertEquals(List.of(killed, id(desk + "-kept")), desks.stream().map(Signal::id).toList());
        assertFalse(signals(desk + "-other", format).stream().anyMatch(Signal::withdrawn), "a feed that never showed it");

        clock.set(NOW.plusSeconds(65)); // Last-Modified is sent once its second is over
        Http.Answer after = http.get(path);
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        assertEquals("Tue, 01 Dec 2026 10:01:00 GMT", after.header("Last-Modified").orElseThrow());
        assertEquals(200, http.send(http.request(path).header("If-None-Match", before.header("ETag").orElseThrow())).status());
        List<String> pings = hub.awaitQuiet(1);
        assertTrue(pings.stream().anyMatch(p -> p.contains("/feeds/" + desk + ".rss")), "the hub hears of it: " + pings);
        assertTrue(pings.stream().anyMatch(p -> p.contains("/feeds/tagged-kosovo.atom")), "the hub hears of it: " + pings);
        assertFalse(pings.stream().anyMatch(p -> p.contains("/feeds/" + desk + "-other.")), "nor of others: " + pings);

        Http.Answer page = http.get("/articles/" + desk + "-killed");
        assertEquals(410, page.status());
        assertTrue(page.body().contains("Legal request"), page.body());
        assertEquals(200, http.get("/articles/" + desk + "-kept").status());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void aDeltaSinceBeforeTheWithdrawalCarriesTheTombstone(FeedFormat format) {
        String desk = "delta-takedown-" + format.extension();
        clock.set(NOW);
        http.post("/api/articles", json(article(desk + "-a", PUBLISHED, desk)));
        http.post("/api/articles", json(article(desk + "-b", PUBLISHED, desk)));
        String path = "/feeds/" + desk + "." + format.extension();
        String base = http.get(path).header("ETag").orElseThrow();
        clock.set(NOW.plusSeconds(30));
        http.post("/api/articles/" + desk + "-a/withdraw", "{\"reason\": \"error\"}");
        Http.Answer delta = http.send(http.request(path).header("A-IM", "feed").header("If-None-Match", base));
        assertEquals(226, delta.status(), delta.body());
        List<Signal> signals = Signals.read(format, delta.body(), clock.instant());
        assertEquals(List.of(id(desk + "-a")), signals.stream().map(Signal::id).toList(), "only the tombstone changed");
        assertTrue(signals.get(0).withdrawn());
    }

    @Test
    void aRestoredArticleReturnsDatedNowAndItsTombstonesGo() {
        clock.set(NOW);
        http.post("/api/articles", json(article("restored", PUBLISHED, "restores")));
        clock.set(NOW.plusSeconds(10));
        http.post("/api/articles/restored/withdraw", "{\"reason\": \"checking a quote\"}");
        assertEquals(410, http.get("/articles/restored").status());
        clock.set(NOW.plusSeconds(20));
        Http.Answer restored = http.post("/api/articles/restored/restore", "");
        assertEquals(200, restored.status(), restored.body());
        assertNull(jsonTree(restored.body()).get("withdrawn"));
        for (FeedFormat format : FeedFormat.values()) {
            List<Signal> signals = signals("restores", format);
            assertEquals(1, signals.size(), format + ": the item, and no tombstone: " + signals);
            assertFalse(signals.get(0).withdrawn());
            assertEquals(NOW.plusSeconds(20), signals.get(0).updated(), "updated (RSS: dcterms:modified): partners ingest it again");
        }
        assertEquals(200, http.get("/articles/restored").status());
        assertEquals(200, http.post("/api/articles/restored/restore", "").status(), "restoring a live article changes nothing");
    }

    @Test
    void withdrawalsAndRestoresSayWhatIsWrong() {
        clock.set(NOW);
        http.post("/api/articles", json(article("checked", PUBLISHED, "checks")));
        Http.Answer noReason = http.post("/api/articles/checked/withdraw", "{}");
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("\"field\":\"reason\""), noReason.body());
        Http.Answer blank = http.post("/api/articles/checked/withdraw", "{\"reason\": \" \"}");
        assertEquals(400, blank.status());
        Http.Answer unknown = http.post("/api/articles/checked/withdraw", "{\"reason\": \"x\", \"why\": 1}");
        assertTrue(unknown.body().contains("\"field\":\"why\""), unknown.body());
        assertEquals(404, http.post("/api/articles/nothing-here/withdraw", "{\"reason\": \"x\"}").status());
        assertEquals(404, http.post("/api/articles/nothing-here/restore", "").status());
        assertEquals(401, http.send(http.request("/api/articles/checked/withdraw").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\": \"x\"}"))).status());
        assertEquals(200, http.get("/articles/checked").status(), "nothing was withdrawn by refused calls");

        http.post("/api/articles/checked/withdraw", "{\"reason\": \"first\"}");
        Http.Answer again = http.post("/api/articles/checked/withdraw", "{\"reason\": \"second\"}");
        assertEquals("first", jsonTree(again.body()).get("withdrawn").get("reason").getStringValue(),
                "withdrawing a withdrawn article changes nothing");
        // a withdrawn article may be fixed while it is down, and stays down
        Http.Answer fixed = http.put("/api/articles/checked", json(with(article("checked", PUBLISHED, "checks"), "title", "fixed")), null);
        assertEquals(200, fixed.status(), fixed.body());
        assertEquals("first", jsonTree(fixed.body()).get("withdrawn").get("reason").getStringValue());
        assertEquals(410, http.get("/articles/checked").status());
    }

    @Test
    void anExpiryIsCarriedAsAValidityWindowThenWithdrawsTheArticleWithoutAnyWrite() throws InterruptedException {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(now);
        Instant expires = now.plusSeconds(2);
        Http.Answer created = http.post("/api/articles", json(with(article("expiring", now.minusSeconds(60).toString(), "expiries"),
                "expiresAt", expires.toString())));
        assertEquals(201, created.status(), created.body());
        assertEquals(expires.toString(), jsonTree(created.body()).get("expiresAt").getStringValue());
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            Signal live = signals("expiries", format).get(0);
            assertFalse(live.withdrawn());
            assertEquals(now.minusSeconds(60), live.validStart(), format + ": dcterms:valid starts at publication");
            assertEquals(expires, live.validEnd(), format + ": and ends at the expiry");
        }
        Signal ninjs = signals("expiries", FeedFormat.NINJS).get(0);
        assertFalse(ninjs.withdrawn(), "ninjs: usable until the expiry: " + ninjs);
        assertEquals(expires, ninjs.validEnd(), "ninjs: the window's end is expires");
        String cachedEtag = http.get("/feeds/expiries.rss").header("ETag").orElseThrow();

        clock.set(expires.plusMillis(500));
        // the timer fires on its own: no write, only time passing
        Eventually.until("the expiry timer withdrew the item", () -> signals("expiries", FeedFormat.RSS).get(0).withdrawn());
        for (FeedFormat format : FeedFormat.values()) {
            Signal tombstone = signals("expiries", format).get(0);
            assertTrue(tombstone.withdrawn(), format + ": " + tombstone);
            assertEquals(expires, tombstone.updated(), format + ": withdrawn as of the end of the window");
            if (format != FeedFormat.RSS) {
                assertEquals("expired", tombstone.reason());
            }
        }
        assertNotEquals(cachedEtag, http.get("/feeds/expiries.rss").header("ETag").orElseThrow());
        JsonNode view = jsonTree(http.getAsAdmin("/api/articles/expiring").body());
        assertEquals("expired", view.get("withdrawn").get("reason").getStringValue());
        Http.Answer restore = http.post("/api/articles/expiring/restore", "");
        assertEquals(409, restore.status(), "a window that ended must be moved first: " + restore.body());
        assertTrue(restore.body().contains("expiresAt"), restore.body());
        assertEquals(200, http.put("/api/articles/expiring", json(with(article("expiring", now.minusSeconds(60).toString(), "expiries"),
                "expiresAt", now.plusSeconds(3600).toString())), null).status());
        assertEquals(200, http.post("/api/articles/expiring/restore", "").status());
        assertFalse(signals("expiries", FeedFormat.JSON).get(0).withdrawn());
    }

    @Test
    void expiryDatesAreChecked() {
        clock.set(NOW);
        Http.Answer past = http.post("/api/articles", json(with(article("late", PUBLISHED, "checks"),
                "expiresAt", NOW.minusSeconds(1).toString())));
        assertEquals(400, past.status());
        assertTrue(past.body().contains("\"field\":\"expiresAt\"") && past.body().contains("/withdraw"), past.body());
        Http.Answer beforePublication = http.post("/api/articles", json(with(article("backwards", "2026-12-05T00:00:00Z", "checks"),
                "expiresAt", "2026-12-04T00:00:00Z")));
        assertEquals(400, beforePublication.status());
        assertTrue(beforePublication.body().contains("must be after publishedAt"), beforePublication.body());
        Http.Answer notADate = http.post("/api/articles", json(with(article("garbled", PUBLISHED, "checks"), "expiresAt", "soon")));
        assertTrue(notADate.body().contains("\"field\":\"expiresAt\""), notADate.body());
        assertEquals(404, http.getAsAdmin("/api/articles/late").status(), "nothing of a refused article is stored");
    }

    @Test
    void aReplaceThatChangesNothingKeepsTheVersionTheDatesAndEveryValidator() throws InterruptedException {
        clock.set(NOW);
        String body = json(article("idle", PUBLISHED, "idle"));
        Http.Answer created = http.post("/api/articles", body);
        clock.set(NOW.plusSeconds(5));
        String feedEtag = http.get("/feeds/idle.atom").header("ETag").orElseThrow();
        String lastModified = http.get("/feeds/idle.atom").header("Last-Modified").orElseThrow();
        hub.awaitQuiet(3); // the creation's pings
        clock.set(NOW.plusSeconds(3600));
        hub.clear();
        Http.Answer same = http.put("/api/articles/idle", body, null);
        assertEquals(200, same.status());
        assertEquals(created.header("ETag"), same.header("ETag"), "the article's ETag");
        assertEquals(jsonTree(created.body()).get("updatedAt"), jsonTree(same.body()).get("updatedAt"));
        assertEquals(0, jsonTree(same.body()).get("version").getLongValue());
        // the GET answer sent back as it is changes nothing either
        assertEquals(created.header("ETag"), http.put("/api/articles/idle", http.getAsAdmin("/api/articles/idle").body(), null).header("ETag"));
        assertEquals(feedEtag, http.get("/feeds/idle.atom").header("ETag").orElseThrow());
        assertEquals(lastModified, http.get("/feeds/idle.atom").header("Last-Modified").orElseThrow());
        JsonNode imported = jsonTree(http.importLines(body + "\n").body());
        assertEquals(1, imported.get("unchanged").getIntValue(), imported.toString());
        assertEquals(0, imported.get("updated").getIntValue());
        assertEquals(List.of(), hub.awaitQuiet(0, 500), "no ping for no change");
        Http.Answer changed = http.put("/api/articles/idle", json(with(article("idle", PUBLISHED, "idle"), "title", "new")), null);
        assertNotEquals(created.header("ETag"), changed.header("ETag"));
        assertEquals(NOW.plusSeconds(3600).toString(), jsonTree(changed.body()).get("updatedAt").getStringValue());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void aCorrectionAppendsADatedNoticeInEveryFormatAndMovesUpdated(FeedFormat format) {
        String slug = "corrected-" + format.extension();
        clock.set(NOW);
        Map<String, Object> original = with(article(slug, PUBLISHED, "corrections-" + format.extension()),
                "body", "<p>The minister said 40 people.</p>");
        Http.Answer refused = http.post("/api/articles", json(with(original, "correction", "nothing to correct")));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("\"field\":\"correction\""), refused.body());
        http.post("/api/articles", json(original));
        clock.set(NOW.plusSeconds(7200));
        Http.Answer corrected = http.put("/api/articles/" + slug, json(with(original, "body", "<p>The minister said 14 people.</p>",
                "correction", "An earlier version gave the number of people as 40; it was 14.")), null);
        assertEquals(200, corrected.status(), corrected.body());
        JsonNode notices = jsonTree(corrected.body()).get("corrections");
        assertEquals(1, notices.size());
        assertEquals(NOW.plusSeconds(7200).toString(), notices.get(0).get("at").getStringValue());

        Signal item = signals("corrections-" + format.extension(), format).get(0);
        assertTrue(item.content().contains("<p>The minister said 14 people.</p>"), item.content());
        assertTrue(item.content().endsWith("<p class=\"correction\"><strong>Correction</strong> (<time datetime=\""
                + NOW.plusSeconds(7200) + "\">1 December 2026</time>): An earlier version gave the number of people as 40; it was 14.</p>"),
                item.content());
        assertEquals(NOW.plusSeconds(7200), item.updated(), "updated (RSS: dcterms:modified) moves: partners re-ingest");
        // later writes keep the notice; a second correction adds its own
        clock.set(NOW.plusSeconds(9000));
        http.put("/api/articles/" + slug, json(with(original, "body", "<p>The minister said 14 people.</p>", "title", "retitled")), null);
        http.put("/api/articles/" + slug, json(with(original, "body", "<p>The minister said 14 people.</p>", "title", "retitled",
                "correction", "The headline named the wrong ministry.")), null);
        String content = signals("corrections-" + format.extension(), format).get(0).content();
        assertTrue(content.indexOf("it was 14.") < content.indexOf("The headline named the wrong ministry."), content);
        assertTrue(http.get("/articles/" + slug).body().contains("it was 14."), "the article page shows it too");
    }

    @Test
    void aTeaserFeedShowsTheCorrectionInTheSummary() {
        clock.set(NOW);
        Map<String, Object> original = article("teased", "2026-12-01T09:59:00Z", "teaser-desk");
        http.post("/api/articles", json(original));
        http.put("/api/articles/teased", json(with(original, "correction", "The photo was of Pristina, not Prizren.")), null);
        String summary = FeedParsers.parse(FeedFormat.RSS, http.get("/feeds/teasers.rss").body()).items().stream()
                .filter(i -> i.title().equals("teased-title")).findFirst().orElseThrow().summary();
        assertEquals("teased-summary Correction (1 December 2026): The photo was of Pristina, not Prizren.", summary);
    }

    @Test
    void tombstonesStayForTheRetentionPeriodThenLeaveAsAChange() {
        clock.set(NOW);
        http.post("/api/articles", json(article("retained", PUBLISHED, "retention")));
        http.post("/api/articles", json(article("neighbour", PUBLISHED, "retention")));
        http.post("/api/articles/retained/withdraw", "{\"reason\": \"rights\"}");
        clock.set(NOW.plus(Duration.ofDays(29)));
        changes.pruneTombstones();
        assertTrue(signals("retention", FeedFormat.ATOM).get(0).withdrawn(), "still there on day 29");
        String lastModified = http.get("/feeds/retention.atom").header("Last-Modified").orElseThrow();
        clock.set(NOW.plus(Duration.ofDays(30)).plusSeconds(1));
        changes.pruneTombstones();
        clock.set(NOW.plus(Duration.ofDays(30)).plusSeconds(5));
        List<Signal> signals = signals("retention", FeedFormat.ATOM);
        assertEquals(List.of(id("neighbour")), signals.stream().map(Signal::id).toList(), "gone after 30 days");
        assertNotEquals(lastModified, http.get("/feeds/retention.atom").header("Last-Modified").orElseThrow());
        assertEquals(410, http.get("/articles/retained").status(), "the article itself stays withdrawn");
    }

    @Test
    void deleteLeavesNoTrace() {
        clock.set(NOW);
        http.post("/api/articles", json(article("erased", PUBLISHED, "erasures")));
        http.post("/api/articles", json(article("stays", PUBLISHED, "erasures")));
        http.post("/api/articles/erased/withdraw", "{\"reason\": \"legal\"}");
        String id = id("erased");
        assertEquals(204, http.delete("/api/articles/erased").status());
        for (FeedFormat format : FeedFormat.values()) {
            assertFalse(signals("erasures", format).stream().anyMatch(s -> s.id().equals(id)), format + ": no tombstone");
        }
        assertEquals(404, http.get("/articles/erased").status());
    }

    @Test
    void theExportCarriesTheLifecycleAndAMoveKeepsIt() {
        clock.set(NOW);
        http.post("/api/articles", json(with(article("moved", PUBLISHED, "moves"), "expiresAt", "2027-01-01T00:00:00Z")));
        http.put("/api/articles/moved", json(with(article("moved", PUBLISHED, "moves"), "expiresAt", "2027-01-01T00:00:00Z",
                "correction", "A name was misspelt.")), null);
        http.post("/api/articles", json(article("moved-down", PUBLISHED, "moves")));
        http.post("/api/articles/moved-down/withdraw", "{\"reason\": \"legal\"}");
        String export = http.getAsAdmin("/api/articles/export").body();
        JsonNode moved = export.lines().map(FeedParsers::jsonTree).filter(l -> l.get("slug") != null
                && l.get("slug").getStringValue().equals("moved")).findFirst().orElseThrow();
        assertEquals("2027-01-01T00:00:00Z", moved.get("expiresAt").getStringValue());
        assertEquals("A name was misspelt.", moved.get("corrections").get(0).get("text").getStringValue());
        JsonNode down = export.lines().map(FeedParsers::jsonTree).filter(l -> l.get("slug") != null
                && l.get("slug").getStringValue().equals("moved-down")).findFirst().orElseThrow();
        assertEquals("legal", down.get("withdrawn").get("reason").getStringValue());
    }

    @Test
    void aRebuildOfTheNamedFeedsKeepsWithdrawnArticlesOutAndTheirTombstonesIn() throws Exception {
        clock.set(NOW);
        Map<String, Object> nato = with(article("rebuilt", PUBLISHED, "world"), "tags", List.of("NATO"));
        http.post("/api/articles", json(nato));
        http.post("/api/articles/rebuilt/withdraw", "{\"reason\": \"legal\"}");
        // what a changed feeds-config does at start-up: the named feeds' rows are made again from the archive
        try (var connection = TestDatabase.connect(databaseUrl); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM feed_state WHERE name = '#index'");
        }
        assertTrue(index.rebuildNamedFeedsIfChanged());
        cache.invalidateAll();
        List<Signal> signals = signals("nato-world", FeedFormat.JSON);
        assertEquals(1, signals.stream().filter(s -> s.id().equals(id("rebuilt"))).count(), "one entry: " + signals);
        assertTrue(Signals.find(signals, id("rebuilt")).withdrawn(), "its tombstone, not its content");
        assertEquals(200, http.post("/api/articles/rebuilt/restore", "").status());
        signals = signals("nato-world", FeedFormat.JSON);
        assertFalse(Signals.find(signals, id("rebuilt")).withdrawn(), "back, and only once: " + signals);
        assertEquals(1, signals.stream().filter(s -> s.id().equals(id("rebuilt"))).count());
    }

    @Test
    void tombstonesStayInTheFeedsThatShowedTheArticleWhateverItsCategoriesBecome() {
        clock.set(NOW);
        Map<String, Object> original = article("recategorised", PUBLISHED, "first-desk");
        http.post("/api/articles", json(original));
        http.post("/api/articles/recategorised/withdraw", "{\"reason\": \"legal\"}");
        clock.set(NOW.plusSeconds(10));
        assertEquals(200, http.put("/api/articles/recategorised", json(with(original, "categories", List.of("second-desk"))), null).status());
        assertTrue(signals("first-desk", FeedFormat.ATOM).get(0).withdrawn(), "the feed that showed it keeps the tombstone");
        assertEquals(404, http.get("/feeds/second-desk.atom").status(), "a feed that never showed it has nothing");
        clock.set(NOW.plusSeconds(20));
        assertEquals(200, http.post("/api/articles/recategorised/restore", "").status());
        assertEquals(List.of(), signals("first-desk", FeedFormat.ATOM), "the tombstone goes with the restore");
        assertEquals(List.of(id("recategorised")), signals("second-desk", FeedFormat.ATOM).stream().map(Signal::id).toList());
    }

    @Test
    void aDeltaCarriesAnExpiryWrittenAfterItsBaseThoughDatedBeforeIt() {
        Instant expires = NOW.plus(Duration.ofDays(100));
        clock.set(expires.minusSeconds(3600));
        http.post("/api/articles", json(with(article("late-expiry", PUBLISHED, "late-expiries"), "expiresAt", expires.toString())));
        http.post("/api/articles", json(article("late-neighbour", PUBLISHED, "late-expiries")));
        // the window has ended, the timer has not yet withdrawn it: a reader takes the page as it is
        clock.set(expires.plusSeconds(1));
        String base = http.get("/feeds/late-expiries.json").header("ETag").orElseThrow();
        clock.set(expires.plusSeconds(2));
        articles.expireDue();
        Http.Answer delta = http.send(http.request("/feeds/late-expiries.json").header("A-IM", "feed").header("If-None-Match", base));
        assertEquals(226, delta.status(), delta.body());
        List<Signal> signals = Signals.read(FeedFormat.JSON, delta.body(), clock.instant());
        assertEquals(List.of(id("late-expiry")), signals.stream().map(Signal::id).toList());
        assertEquals(expires, signals.get(0).updated(), "dated at the end of the window");
    }

    @Test
    void anExpiryAlreadyDueIsTheTimersNextEventAndNoCachedPageOutlivesIt() {
        Instant expires = NOW.plus(Duration.ofDays(200));
        clock.set(expires.minusSeconds(3600));
        http.post("/api/articles", json(with(article("overdue", PUBLISHED, "overdue"), "expiresAt", expires.toString())));
        clock.set(expires.plusSeconds(60)); // as after an import of an export taken before the window ended
        Instant next = pages.nextEvent(clock.instant());
        assertTrue(next != null && !next.isAfter(expires), "the timer fires at once, not at some later event: " + next);
        String first = http.get("/feeds/overdue.atom").header("ETag").orElseThrow();
        articles.expireDue();
        assertTrue(signals("overdue", FeedFormat.ATOM).get(0).withdrawn());
        assertNotEquals(first, http.get("/feeds/overdue.atom").header("ETag").orElseThrow());
    }

    @Test
    void aWholeAgencyExpiringAtOneInstantIsWithdrawnInChunks() {
        Instant expires = NOW.plus(Duration.ofDays(300));
        clock.set(expires.minusSeconds(3600));
        StringBuilder agency = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            agency.append(json(with(article("agency-" + i, PUBLISHED, "agency"), "expiresAt", expires.toString()))).append('\n');
        }
        assertEquals(1_200, jsonTree(http.importLines(agency.toString()).body()).get("created").getIntValue());
        clock.set(expires.plusSeconds(1));
        int withdrawn = 0;
        List<Integer> chunks = new java.util.ArrayList<>();
        for (int n = articles.expireDue(); n > 0; n = articles.expireDue()) {
            chunks.add(n);
            withdrawn += n;
        }
        assertTrue(withdrawn >= 1_200, "every one of them (other tests' windows may have ended too): " + chunks);
        assertTrue(http.getAsAdmin("/api/articles/agency-0").body().contains("\"reason\":\"expired\""));
        assertTrue(http.getAsAdmin("/api/articles/agency-1199").body().contains("\"reason\":\"expired\""));
        assertTrue(chunks.stream().allMatch(n -> n <= 500), "500 at most a transaction: " + chunks);
        assertEquals(500, signals("agency", FeedFormat.JSON).stream().filter(Signal::withdrawn).count(),
                "a first page carries 500 tombstones at most");
    }

    @Test
    void aNewArticleCannotBeCreatedWithdrawnAndAWithdrawnOneSentBackIsUnchanged() {
        clock.set(NOW);
        http.post("/api/articles", json(article("sent-back", PUBLISHED, "sent-back")));
        http.post("/api/articles/sent-back/withdraw", "{\"reason\": \"legal\"}");
        Http.Answer current = http.getAsAdmin("/api/articles/sent-back");
        assertEquals(current.header("ETag"), http.put("/api/articles/sent-back", current.body(), null).header("ETag"),
                "the GET answer sent back changes nothing");
        String elsewhere = current.body().replace("\"slug\":\"sent-back\"", "\"slug\":\"sent-elsewhere\"");
        Http.Answer created = http.post("/api/articles", elsewhere);
        assertEquals(400, created.status(), created.body());
        assertTrue(created.body().contains("\"field\":\"withdrawn\""), created.body());
        JsonNode imported = jsonTree(http.importLines(elsewhere + "\n").body());
        assertEquals(1, imported.get("rejectedCount").getIntValue(), imported.toString());
        assertEquals(404, http.getAsAdmin("/api/articles/sent-elsewhere").status());
    }

    /** The tombstone's RSS item carries no body and no media: nothing but what tells a partner to take it down. */
    @Test
    void theRssTombstoneIsBareAndTheAtomOneFollowsRfc6721() {
        clock.set(NOW);
        http.post("/api/articles", json(article("bare", PUBLISHED, "bare")));
        http.post("/api/articles/bare/withdraw", "{\"reason\": \"Rights <expired> & gone\"}");
        Element item = Signals.xml(http.get("/feeds/bare.rss").body()).getRootElement().getChild("channel").getChild("item");
        assertEquals(List.of("title", "link", "description", "guid", "pubDate", "modified", "valid"),
                item.getChildren().stream().map(Element::getName).toList());
        assertEquals("false", item.getChild("guid").getAttributeValue("isPermaLink"));
        assertEquals("https://news.example.com/stories/bare", item.getChildText("link"));
        Element deleted = Signals.xml(http.get("/feeds/bare.atom").body()).getRootElement()
                .getChild("deleted-entry", Signals.TOMBSTONES);
        assertEquals(NOW.toString(), deleted.getAttributeValue("when"));
        assertEquals("Rights <expired> & gone", deleted.getChildText("comment", Signals.TOMBSTONES));
        assertEquals(id("bare"), deleted.getAttributeValue("ref"));
    }
}
