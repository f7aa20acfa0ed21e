package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds marked access: partner are served only with a partner key that grants them. */
@MicronautTest(transactional = false)
class PartnerFeedTest extends HttpTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @BeforeAll
    void publish() {
        http.post("/api/articles", Fixtures.json(Fixtures.article("wire1", "2022-03-17T09:42:00Z", "world")));
    }

    private JsonNode createKey(String name, List<String> feeds) {
        Http.Answer created = http.post("/api/partners", Fixtures.json(Map.of("name", name, "feeds", feeds)));
        assertEquals(201, created.status(), created.body());
        return FeedParsers.jsonTree(created.body());
    }

    @Test
    void partnerFeedWithoutAValidKeyIs404() {
        Http.Answer none = http.get("/feeds/partner-wire.rss");
        assertEquals(404, none.status());
        assertTrue(none.header("WWW-Authenticate").isEmpty(), "no hint that a key would help");
        assertEquals("application/problem+json", none.header("Content-Type").orElseThrow());
        assertEquals(404, http.get("/feeds/partner-wire.rss?key=bsk_guess").status());
        assertEquals(404, http.send(http.request("/feeds/partner-wire.rss").header("Authorization", "Bearer bsk_guess")).status());
        assertEquals(404, http.send(http.admin("/feeds/partner-wire.rss")).status(), "the admin token is no partner key");
    }

    @Test
    void aKeyOpensTheFeedsItGrantsByHeaderOrQueryAndNoOthers() {
        String key = createKey("Wire partner", List.of("partner-wire")).get("key").getStringValue();
        Http.Answer byHeader = http.send(http.request("/feeds/partner-wire.atom").header("Authorization", "Bearer " + key));
        assertEquals(200, byHeader.status());
        assertEquals("wire1-title", FeedParsers.parse(io.broadsheet.feed.FeedFormat.ATOM, byHeader.body()).items().get(0).title());
        assertTrue(byHeader.header("Cache-Control").orElseThrow().startsWith("private"), "partner copies stay private");
        assertEquals(200, http.get("/feeds/partner-wire.json?key=" + key).status());
        assertEquals(404, http.get("/feeds/partner-sports.json?key=" + key).status(), "a feed the key does not grant");
        assertEquals(200, http.get("/feeds/world.json").status(), "public feeds stay public");
    }

    @Test
    void revokedKeyIsRefusedAtOnce() {
        JsonNode created = createKey("Short-lived", List.of("partner-wire"));
        String key = created.get("key").getStringValue();
        assertEquals(200, http.get("/feeds/partner-wire.rss?key=" + key).status());
        assertEquals(204, http.delete("/api/partners/" + created.get("id").getLongValue()).status());
        assertEquals(404, http.get("/feeds/partner-wire.rss?key=" + key).status());
        assertEquals(404, http.delete("/api/partners/" + created.get("id").getLongValue()).status());
    }

    @Test
    void listingShowsEachKeysLastUseAndRequestCountButNeverTheKey() {
        JsonNode created = createKey("Counted", List.of("partner-wire", "partner-sports"));
        String key = created.get("key").getStringValue();
        assertTrue(key.startsWith("bsk_") && key.length() > 40, key);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get("/feeds/partner-sports.rss?key=" + key).status());
        }
        Http.Answer list = http.getAsAdmin("/api/partners");
        assertFalse(list.body().contains(key), "the key is shown only once");
        JsonNode counted = null;
        for (JsonNode k : FeedParsers.jsonTree(list.body()).values()) {
            if (k.get("id").getLongValue() == created.get("id").getLongValue()) {
                counted = k;
            }
        }
        assertEquals(3, counted.get("requestCount").getIntValue());
        assertTrue(counted.get("lastUsedAt") != null);
        assertEquals(key.substring(0, 10), counted.get("keyPrefix").getStringValue());
        assertNull(counted.get("key"));
    }

    @Test
    void keysAreStoredAsDigestsOnly() throws SQLException {
        String key = createKey("Hashed", List.of("partner-wire")).get("key").getStringValue();
        try (Connection c = TestDatabase.connect(databaseUrl);
             ResultSet rs = c.createStatement().executeQuery("SELECT * FROM partner_key")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String value = rs.getString(i);
                    assertFalse(value != null && value.contains(key.substring(10)), "column " + rs.getMetaData().getColumnName(i));
                }
            }
        }
    }

    @Test
    void keysGrantOnlyPartnerFeedsAndNeedTheAdminToken() {
        Http.Answer wrong = http.post("/api/partners", Fixtures.json(Map.of("name", "x", "feeds", List.of("world"))));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("\"field\":\"feeds[0]\""), wrong.body());
        assertEquals(400, http.post("/api/partners", Fixtures.json(Map.of("name", "x", "feeds", List.of()))).status());
        assertEquals(401, http.send(http.request("/api/partners")).status());
    }

    @Test
    void partnerFeedsAreNotAdvertised() {
        assertFalse(http.get("/").body().contains("partner-wire"));
    }
}
