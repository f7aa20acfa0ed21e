package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.image;
import static io.broadsheet.testing.Fixtures.json;
import static io.broadsheet.testing.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain-text fields refuse the invisible characters that change how text displays (bidi overrides and isolates,
 * line and paragraph separators, C1 controls), naming the field; an HTML body may carry them.
 */
@MicronautTest(transactional = false)
class InvisibleCharactersTest extends HttpTest {

    private static final String WHEN = "2022-03-17T09:42:00Z";

    /** The problem's one error, as "field: message". */
    private static String refused(Http.Answer answer) {
        assertEquals(400, answer.status(), "expected a 400 problem, got " + answer.status() + " " + answer.body());
        JsonNode errors = FeedParsers.jsonTree(answer.body()).get("errors");
        assertEquals(1, errors.size(), "one error: " + answer.body());
        return errors.get(0).get("field").getStringValue() + ": " + errors.get(0).get("message").getStringValue();
    }

    private static void assertNames(String field, String codePoint, String error) {
        assertTrue(error.startsWith(field + ": contains " + codePoint + " "), "expected " + field + " and "
                + codePoint + " named, got " + error);
    }

    private static Map<String, Object> withImage(Map<String, Object> a, String member, String value) {
        Map<String, Object> first = new LinkedHashMap<>(image("inv", 1));
        first.put(member, value);
        return with(a, "images", List.of(first));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202e", "\u202a", "\u2066", "\u2069", "\u2028", "\u2029", "\u0085", "\u009b"})
    void everyRefusedCharacterIsRefusedInATitle(String c) {
        String error = refused(http.post("/api/articles", json(with(article("inv-t", WHEN, "world"),
                "title", "Harmless" + c + "gnp.exe"))));
        assertNames("title", String.format("U+%04X", (int) c.charAt(0)), error);
    }

    @Test
    void eachPlainTextFieldOfAnArticleNamesItself() {
        Map<String, Object> a = article("inv-f", WHEN, "world");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("summary", with(a, "summary", "a\u2028b"));
        cases.put("images[0].caption", withImage(a, "caption", "cap\u202etion"));
        cases.put("images[0].credit", withImage(a, "credit", "cre\u2066dit"));
        cases.put("images[0].alt", withImage(a, "alt", "alt\u2029"));
        cases.put("images[0].copyright", withImage(a, "copyright", "\u202b(c)"));
        cases.put("authors[0].name", with(a, "authors", List.of(Map.of("name", "Ann\u202eeB"))));
        cases.put("tags[1]", with(a, "tags", List.of("fine", "ta\u2067g")));
        cases.put("slug", with(a, "slug", "inv\u202e-slug"));
        List<String> wrong = new ArrayList<>();
        cases.forEach((field, body) -> {
            String error = refused(http.post("/api/articles", json(body)));
            if (!error.startsWith(field + ": contains U+")) {
                wrong.add("expected " + field + " named, got " + error);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void correctionsAndWithdrawalReasonsAreRefusedToo() {
        Map<String, Object> a = article("inv-c", WHEN, "world");
        Http.Answer created = http.post("/api/articles", json(a));
        assertEquals(201, created.status(), created.body());
        String etag = created.header("ETag").orElseThrow();
        assertNames("correction", "U+2028", refused(http.put("/api/articles/inv-c",
                json(with(a, "title", "v2", "correction", "We said 40\u2028it was 14")), etag)));
        assertNames("reason", "U+202E", refused(http.post("/api/articles/inv-c/withdraw",
                json(Map.of("reason", "legal\u202e")))));
    }

    @Test
    void categoryAndPartnerKeyNamesAreRefusedToo() {
        assertNames("name", "U+202E", refused(http.put("/api/categories/world",
                json(Map.of("name", "Wor\u202eld")), null)));
        assertNames("name", "U+2066", refused(http.post("/api/partners",
                json(Map.of("name", "Acme\u2066", "feeds", List.of("partner-wire"))))));
    }

    @Test
    void anImportLineWithABidiOverrideIsRejectedWithItsReasonAndTheOthersImported() {
        String good = json(article("inv-i1", WHEN, "world"));
        String bad = json(withImage(article("inv-i2", WHEN, "world"), "caption", "\u202egnp.exe"));
        String alsoGood = json(article("inv-i3", WHEN, "world"));
        Http.Answer answer = http.importLines(good + "\n" + bad + "\n" + alsoGood + "\n");
        JsonNode result = FeedParsers.jsonTree(answer.body());
        assertEquals(2, result.get("created").getIntValue(), answer.body());
        JsonNode rejected = result.get("rejected").get(0);
        assertEquals(2, rejected.get("line").getIntValue(), answer.body());
        assertEquals("images[0].caption", rejected.get("errors").get(0).get("field").getStringValue());
        assertTrue(rejected.get("errors").get(0).get("message").getStringValue().contains("U+202E"), answer.body());
    }

    @Test
    void anHtmlBodyMayCarryBidiControlsAndRightToLeftTextKeepsItsMarks() {
        Map<String, Object> a = with(article("inv-b", WHEN, "world"),
                "title", "\u05e9\u05dc\u05d5\u05dd 2026\u200f",
                "body", "<p dir=\"rtl\">\u05e9\u05dc\u05d5\u05dd \u202bquoted\u202c\u2028end</p>");
        Http.Answer created = http.post("/api/articles", json(a));
        assertEquals(201, created.status(), created.body());
        assertTrue(http.get("/feeds/world.json").body().contains("2026\\u200f")
                || http.get("/feeds/world.json").body().contains("2026\u200f"), "the RLM mark is kept");
    }
}
