package io.broadsheet.feed.ninjs;

import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.NinjsSchema;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 20,000 articles (the sample corpus forty times over, each copy a fortnight earlier): every page of every feed the
 * OPML lists, and of a partner feed, validates as ninjs 3.3 against IPTC's schema, and holds the JSON Feed page's
 * items in the same order. Pages are followed by their {@code Link rel="next"} fields, as a partner pages.
 * It checks the rendering, not the SQL (NinjsFeedTest reads ninjs on both databases), so it runs on H2 only.
 */
@Tag("rendering-corpus")
@MicronautTest(transactional = false)
class NinjsCorpusTest extends HttpTest {

    private static final int COPIES = 40;
    private static final int CHUNK = 5_000;
    private static final Pattern NEXT = Pattern.compile("<https://news\\.example\\.com(/[^>]+)>; rel=\"next\"");

    private final List<String> feeds = new ArrayList<>();
    private String partnerKey;

    @BeforeAll
    void importTwentyThousandArticles() {
        List<Map<String, Object>> sample = Corpus.sample().articles();
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int n = 0; n < sample.size() * COPIES; n++) {
            articles.add(copy(sample.get(n % sample.size()), n / sample.size()));
        }
        for (int from = 0; from < articles.size(); from += CHUNK) {
            int start = from;
            Http.Answer imported = http.importLines(Corpus.generated(CHUNK, n -> articles.get(start + n)).ndjson());
            JsonNode result = FeedParsers.jsonTree(imported.body());
            assertEquals(CHUNK, result.get("created").getIntValue(), imported.body());
        }
        Matcher outline = Pattern.compile("xmlUrl=\"https://news\\.example\\.com/feeds/([^\"]+)\\.rss\"")
                .matcher(http.get("/feeds.opml").body());
        while (outline.find()) {
            feeds.add(outline.group(1));
        }
        assertEquals(19, feeds.size(), "all, fourteen categories and four named public feeds: " + feeds);
        partnerKey = FeedParsers.jsonTree(http.post("/api/partners", Fixtures.json(Map.of("name", "Wire desk",
                "feeds", List.of("partner-wire")))).body()).get("key").getStringValue();
    }

    /** The n-th copy of a sample article: its own slug, published {@code n} fortnights earlier. */
    private static Map<String, Object> copy(Map<String, Object> article, int n) {
        if (n == 0) {
            return article;
        }
        Instant published = Instant.parse((String) article.get("publishedAt")).minus(Duration.ofDays(14L * n));
        return Fixtures.with(article, "slug", article.get("slug") + "-copy-" + n, "publishedAt", published.toString());
    }

    @Test
    void everyPageOfEveryFeedAndOfAPartnerFeedIsValidNinjsWithTheJsonFeedsItemsInItsOrder() {
        NinjsSchema schema = NinjsSchema.load();
        List<String> problems = new ArrayList<>();
        int pages = 0;
        int items = 0;
        List<String> paths = new ArrayList<>(feeds.stream().map(f -> "/feeds/" + f + ".ninjs").toList());
        paths.add("/feeds/partner-wire.ninjs?key=" + partnerKey);
        for (String first : paths) {
            String path = first;
            while (path != null) {
                Http.Answer ninjs = http.get(path);
                assertEquals(200, ninjs.status(), path + ": " + ninjs.body());
                problems.addAll(schema.problemsOfArray(path, ninjs.body()));
                List<String> uris = new ArrayList<>();
                FeedParsers.jsonTree(ninjs.body()).values().forEach(item -> uris.add(item.get("uri").getStringValue()));
                String json = path.replace(".ninjs", ".json");
                assertEquals(FeedParsers.parse(io.broadsheet.feed.FeedFormat.JSON, http.get(json).body()).ids(), uris,
                        path + ": the uris of the ninjs page against the ids of " + json);
                pages++;
                items += uris.size();
                path = next(ninjs, first.contains("?key=") ? "&key=" + partnerKey : "");
            }
        }
        assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " objects refused by the schema");
        assertTrue(items > 60_000, "validated " + items + " items on " + pages + " pages");
    }

    /** The path of the page a {@code Link rel="next"} field names, or null on the last page. */
    private static String next(Http.Answer answer, String key) {
        for (String link : answer.headers().allValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.matches()) {
                return m.group(1) + key;
            }
        }
        return null;
    }
}
