package io.broadsheet.fediverse;

import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.StoredArticle;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ActivityPub documents a feed sends: Notes of articles and the activities around them. */
@Singleton
public class Activities {

    private static final String CONTEXT = "https://www.w3.org/ns/activitystreams";
    private static final String PUBLIC = CONTEXT + "#Public";

    private final Actors actors;
    private final ObjectMapper json;

    public Activities(Actors actors, ObjectMapper json) {
        this.actors = actors;
        this.json = json;
    }

    public Note note(String feed, StoredArticle article) {
        var a = article.article();
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("id", actors.noteId(feed, a.id()));
        note.put("type", "Note");
        note.put("attributedTo", actors.actorId(feed));
        note.put("content", "<p>" + a.title() + "</p><p>" + a.summary() + "</p>");
        note.put("url", a.url());
        note.put("published", a.publishedAt().toString());
        note.put("to", List.of(PUBLIC));
        note.put("cc", List.of(actors.followers(feed)));
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (ArticleImage image : article.images()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("type", "Image");
            i.put("url", image.url());
            i.put("name", image.alt() != null ? image.alt() : image.caption());
            attachments.add(i);
        }
        note.put("attachment", attachments);
        String text = write(note);
        return new Note((String) note.get("id"), text, sha256(text));
    }

    public String create(String feed, Note note) {
        return activity(createId(note), "Create", feed, note.json());
    }

    public String update(String feed, Note note, Instant updated) {
        String object = note.json().substring(0, note.json().length() - 1) + ",\"updated\":\"" + updated + "\"}";
        return activity(updateId(note, updated), "Update", feed, object);
    }

    public String delete(String feed, long articleId) {
        String tombstone = write(Map.of("id", actors.noteId(feed, articleId), "type", "Tombstone"));
        return activity(deleteId(feed, articleId), "Delete", feed, tombstone);
    }

    public String createId(Note n) {
        return n.id() + "#create";
    }

    public String updateId(Note n, Instant updated) {
        return n.id() + "#update-" + updated.toEpochMilli();
    }

    public String deleteId(String feed, long articleId) {
        return actors.noteId(feed, articleId) + "#delete";
    }

    private String activity(String id, String type, String feed, String object) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("@context", CONTEXT);
        head.put("id", id);
        head.put("type", type);
        head.put("actor", actors.actorId(feed));
        head.put("to", List.of(PUBLIC));
        head.put("cc", List.of(actors.followers(feed)));
        String text = write(head);
        return text.substring(0, text.length() - 1) + ",\"object\":" + object + "}";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String accept(String feed, String followJson) {
        try {
            Object follow = json.readValue(followJson, Object.class);
            Object id = follow instanceof Map<?, ?> m ? m.get("id") : null;
            Map<String, Object> accept = new LinkedHashMap<>();
            accept.put("@context", CONTEXT);
            accept.put("id", acceptId(feed, id instanceof String s ? s : ""));
            accept.put("type", "Accept");
            accept.put("actor", actors.actorId(feed));
            accept.put("object", follow);
            return new String(json.writeValueAsBytes(accept), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String acceptId(String feed, String followId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(followId.getBytes(StandardCharsets.UTF_8));
            return actors.actorId(feed) + "#accepts/" + HexFormat.of().formatHex(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
