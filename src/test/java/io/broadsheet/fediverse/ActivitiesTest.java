package io.broadsheet.fediverse;

import io.broadsheet.article.ArticleStore;
import io.broadsheet.article.model.StoredArticle;
import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.broadsheet.fediverse.ActorDocumentsTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The activities a feed sends: their ids, their objects, and a digest that changes only with what a reader sees. */
@MicronautTest(transactional = false)
class ActivitiesTest extends HttpTest {

    private static final String BASE = "https://news.example.com";
    private static final String KOSOVO = "kosovo-asks-biden-to-support-nato-bid";

    @Inject
    Activities activities;

    @Inject
    ArticleStore store;

    @BeforeAll
    void importTheKosovoStory() {
        assertEquals(200, http.importLines(Corpus.sample().limit(1).ndjson()).status());
    }

    @Test
    void digestCoversWhatAReaderSeesNotIdsOrDates() {
        StoredArticle kosovo = store.findBySlug(KOSOVO).orElseThrow();
        Note world = activities.note("world", kosovo);
        Note europe = activities.note("europe", kosovo);
        assertNotEquals(world.id(), europe.id(), "a note id per feed");
        assertEquals(world.digest(), europe.digest(), "the same story seen in two feeds");
        assertEquals(64, world.digest().length(), "SHA-256 in hex: " + world.digest());
        Map<String, Object> moved = Fixtures.article("a-edit", "2026-01-01T10:00:00Z", "world");
        assertEquals(201, http.post("/api/articles", Fixtures.json(moved)).status());
        String before = activities.note("world", store.findBySlug("a-edit").orElseThrow()).digest();
        assertEquals(200, http.put("/api/articles/a-edit", Fixtures.json(Fixtures.with(moved,
                "publishedAt", "2026-01-01T09:00:00Z")), null).status());
        assertEquals(before, activities.note("world", store.findBySlug("a-edit").orElseThrow()).digest(),
                "a new publication time changes nothing a reader sees of the note");
        assertEquals(200, http.put("/api/articles/a-edit", Fixtures.json(Fixtures.with(moved,
                "title", "a-edit-corrected-title")), null).status());
        assertNotEquals(before, activities.note("world", store.findBySlug("a-edit").orElseThrow()).digest(),
                "a new title does");
    }

    @Test
    void createUpdateAndDeleteCarryTheNoteAndTheirIds() {
        Note note = activities.note("world", store.findBySlug(KOSOVO).orElseThrow());
        JsonNode create = FeedParsers.jsonTree(activities.create("world", note));
        assertEquals(note.id() + "#create", text(create, "id"));
        assertEquals(activities.createId(note), text(create, "id"));
        assertEquals("Create", text(create, "type"));
        assertEquals(BASE + "/fediverse/world", text(create, "actor"));
        assertEquals(FeedParsers.jsonTree(note.json()), create.get("object"), "the Note embedded as it is");
        Instant edited = Instant.parse("2026-12-01T10:00:00.123Z");
        JsonNode update = FeedParsers.jsonTree(activities.update("world", note, edited));
        assertEquals(note.id() + "#update-" + edited.toEpochMilli(), text(update, "id"));
        assertEquals("Update", text(update, "type"));
        assertEquals("2026-12-01T10:00:00.123Z", text(update.get("object"), "updated"));
        assertEquals(note.id(), text(update.get("object"), "id"));
        long id = Long.parseLong(note.id().substring(note.id().lastIndexOf('/') + 1));
        JsonNode delete = FeedParsers.jsonTree(activities.delete("world", id));
        assertEquals(note.id() + "#delete", text(delete, "id"));
        assertEquals("Delete", text(delete, "type"));
        assertEquals("Tombstone", text(delete.get("object"), "type"));
        assertEquals(note.id(), text(delete.get("object"), "id"));
    }

    @Test
    void acceptEmbedsTheFollowAsReceivedAndIsAddressedToTheFollower() {
        String follow = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"https://social.example.org/f/1\","
                + "\"type\":\"Follow\",\"actor\":\"https://social.example.org/users/ana\",\"object\":\"" + BASE
                + "/fediverse/world\",\"extra\":{\"kept\":[1,true,null]}}";
        JsonNode accept = FeedParsers.jsonTree(activities.accept("world", follow));
        assertEquals(activities.acceptId("world", "https://social.example.org/f/1"), text(accept, "id"));
        assertEquals(BASE + "/fediverse/world#accepts/", text(accept, "id").substring(0, text(accept, "id").length() - 32));
        assertEquals("Accept", text(accept, "type"));
        assertEquals(BASE + "/fediverse/world", text(accept, "actor"));
        assertEquals("https://social.example.org/users/ana", accept.get("to").get(0).getStringValue());
        assertEquals(FeedParsers.jsonTree(follow), accept.get("object"), "the Follow as it came");
    }
}
