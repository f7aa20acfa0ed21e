package io.broadsheet.web;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.FeedParsers.jsonTree;
import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No category takes the name of a feed ({@code all}, or a named feed of the test configuration such as
 * {@code teasers}): every write that would create one is refused naming the field, and nothing of it is stored.
 */
@MicronautTest(transactional = false)
class CategorySlugTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";

    @Test
    void anArticleInANamedFeedsCategoryIsRefusedNamingTheCategoryAndNothingIsStored() {
        Http.Answer refused = http.post("/api/articles", json(article("in-teasers", WHEN, "world", "teasers")));
        assertEquals(List.of("categories[1]"), fields(refused));
        assertTrue(problem(refused).contains("named feed"), refused.body());
        assertEquals(404, http.getAsAdmin("/api/articles/in-teasers").status(), "nothing of the article is stored");
        assertFalse(categorySlugs().contains("teasers"), "no category 'teasers': " + categorySlugs());
        assertEquals(List.of("categories[0]"), fields(http.put("/api/articles/in-all", json(article("in-all", WHEN, "all")), null)));
        assertEquals(404, http.getAsAdmin("/api/articles/in-all").status());
        assertFalse(categorySlugs().contains("all"), categorySlugs().toString());
    }

    @Test
    void aReplaceIntoANamedFeedsCategoryIsRefusedAndTheArticleStaysAsItWas() {
        Http.Answer created = http.post("/api/articles", json(article("moved", WHEN, "world")));
        assertEquals(201, created.status(), created.body());
        Http.Answer refused = http.put("/api/articles/moved", json(article("moved", WHEN, "world", "nato-world")), null);
        assertEquals(List.of("categories[1]"), fields(refused));
        Http.Answer now = http.getAsAdmin("/api/articles/moved");
        assertEquals(created.header("ETag"), now.header("ETag"), "the article is as it was");
        assertEquals(List.of("world"), strings(jsonTree(now.body()).get("categories")));
        assertFalse(categorySlugs().contains("nato-world"), categorySlugs().toString());
    }

    @Test
    void anImportLineInANamedFeedsCategoryIsRejectedWithThatReasonAndTheOthersAreStored() {
        String ndjson = json(article("line-one", WHEN, "imported")) + "\n"
                + json(article("line-two", WHEN, "europe-politics")) + "\n"
                + json(article("line-three", WHEN, "imported")) + "\n";
        JsonNode result = jsonTree(http.importLines(ndjson).body());
        assertEquals(2, result.get("created").getIntValue(), result.toString());
        assertEquals(1, result.get("rejectedCount").getIntValue(), result.toString());
        JsonNode rejected = result.get("rejected").get(0);
        assertEquals(2, rejected.get("line").getIntValue(), result.toString());
        assertEquals("categories[0]", rejected.get("errors").get(0).get("field").getStringValue(), result.toString());
        assertTrue(rejected.get("errors").get(0).get("message").getStringValue().contains("europe-politics"), result.toString());
        assertEquals(404, http.getAsAdmin("/api/articles/line-two").status());
        assertFalse(categorySlugs().contains("europe-politics"), categorySlugs().toString());
    }

    @Test
    void namingACategoryAfterAFeedIsRefused() {
        assertEquals(List.of("slug"), fields(http.put("/api/categories/tagged-kosovo", json(Map.of("name", "Kosovo")), null)));
        assertEquals(List.of("slug"), fields(http.put("/api/categories/all", json(Map.of("name", "All")), null)));
        assertFalse(categorySlugs().contains("tagged-kosovo"), categorySlugs().toString());
        assertEquals(201, http.put("/api/categories/kosovo", json(Map.of("name", "Kosovo")), null).status(),
                "a slug no feed has is taken");
    }

    private List<String> categorySlugs() {
        List<String> slugs = new ArrayList<>();
        jsonTree(http.getAsAdmin("/api/categories").body()).values().forEach(c -> slugs.add(c.get("slug").getStringValue()));
        return slugs;
    }

    private static String problem(Http.Answer answer) {
        assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow(), answer.body());
        return answer.body();
    }

    private static List<String> fields(Http.Answer answer) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type").orElseThrow());
        return strings(jsonTree(answer.body()).get("errors"), "field");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.getStringValue()));
        return out;
    }

    private static List<String> strings(JsonNode array, String member) {
        List<String> out = new ArrayList<>();
        array.values().forEach(v -> out.add(v.get(member).getStringValue()));
        return out;
    }
}
