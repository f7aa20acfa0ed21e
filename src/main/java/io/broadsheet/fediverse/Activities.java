package io.broadsheet.fediverse;

import io.broadsheet.article.model.StoredArticle;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The activities a feed's actor sends, as JSON text: Create, Update and Delete of an article's {@link Note}, and the
 * Accept of a Follow. Their ids are fixed by the note's: Create {@code {note}#create}, Update
 * {@code {note}#update-{epoch millis}}, Delete {@code {note}#delete}, Accept
 * {@code {actor}#accepts/{first 32 hex digits of the SHA-256 of the Follow's id}}.
 * Spec: https://www.w3.org/TR/activitypub/, https://www.w3.org/TR/activitystreams-vocabulary/
 */
@Singleton
public class Activities {

    /** Where every activity is addressed. */
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    static final String STREAMS = "https://www.w3.org/ns/activitystreams";
    /** The activities' context: ActivityStreams, and Mastodon's {@code sensitive}. */
    static final List<Object> CONTEXT = List.of(STREAMS, Map.of("sensitive", "as:sensitive"));

    private final Actors actors;
    private final NoteWriter notes;
    private final JsonMapper json;

    public Activities(Actors actors, NoteWriter notes, JsonMapper json) {
        this.actors = actors;
        this.notes = notes;
        this.json = json;
    }

    /** The article as a Note of {@code feed}. */
    public Note note(String feed, StoredArticle article) {
        Map<String, Object> note = notes.note(feed, article);
        return new Note((String) note.get("id"), write(note), digest(notes.seen(note)));
    }

    /** The Note as its own document (its id answers it): with its {@code @context}. */
    public String noteDocument(Note note) {
        return write(withContext(read(note.json()), CONTEXT));
    }

    public String create(String feed, Note note) {
        Map<String, Object> object = read(note.json());
        return write(withContext(createObject(feed, note, object), CONTEXT));
    }

    /** A Create as the outbox lists it: without its own {@code @context}. */
    Map<String, Object> createObject(String feed, Note note, Map<String, Object> object) {
        Map<String, Object> create = activity(createId(note), "Create", feed);
        create.put("published", object.get("published"));
        addressed(create, feed);
        create.put("object", object);
        return create;
    }

    public String update(String feed, Note note, Instant updated) {
        Map<String, Object> object = read(note.json());
        object.put("updated", date(updated));
        Map<String, Object> update = activity(updateId(note, updated), "Update", feed);
        update.put("published", date(updated));
        addressed(update, feed);
        update.put("object", object);
        return write(withContext(update, CONTEXT));
    }

    public String delete(String feed, long articleId) {
        Map<String, Object> delete = activity(deleteId(feed, articleId), "Delete", feed);
        addressed(delete, feed);
        delete.put("object", tombstone(feed, articleId));
        return write(withContext(delete, CONTEXT));
    }

    /** What a withdrawn article's note id answers, and the object of its Delete. */
    public Map<String, Object> tombstone(String feed, long articleId) {
        Map<String, Object> tombstone = new LinkedHashMap<>();
        tombstone.put("id", actors.noteId(feed, articleId));
        tombstone.put("type", "Tombstone");
        return tombstone;
    }

    /** The Tombstone as its own document, with its {@code @context}. */
    public String tombstoneDocument(String feed, long articleId) {
        return write(withContext(tombstone(feed, articleId), List.of(STREAMS)));
    }

    /** Accepts the Follow {@code followJson} (as received): addressed to its actor, the Follow embedded as it came. */
    public String accept(String feed, String followJson) {
        Map<String, Object> follow = read(followJson);
        Object follower = follow.get("actor");
        if (follower instanceof Map<?, ?> actor) {
            follower = actor.get("id");
        }
        Map<String, Object> accept = activity(acceptId(feed, String.valueOf(follow.get("id"))), "Accept", feed);
        accept.put("to", List.of(String.valueOf(follower)));
        accept.put("object", follow);
        return write(withContext(accept, List.of(STREAMS)));
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

    public String acceptId(String feed, String followId) {
        return actors.actorId(feed) + "#accepts/" + sha256(followId).substring(0, 32);
    }

    private Map<String, Object> activity(String id, String type, String feed) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("id", id);
        activity.put("type", type);
        activity.put("actor", actors.actorId(feed));
        return activity;
    }

    private void addressed(Map<String, Object> activity, String feed) {
        activity.put("to", List.of(PUBLIC));
        activity.put("cc", List.of(actors.followers(feed)));
    }

    /** An object of these members, in this order (a {@code Map.of} has no order to keep bytes stable). */
    static Map<String, Object> members(Object... namesAndValues) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(members);
    }

    static Map<String, Object> withContext(Map<String, Object> document, List<Object> context) {
        Map<String, Object> withContext = new LinkedHashMap<>();
        withContext.put("@context", context);
        withContext.putAll(document);
        return withContext;
    }

    /** ISO 8601 in UTC, as every ActivityPub date. */
    static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> read(String text) {
        try {
            return new LinkedHashMap<>(json.readValue(text, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String digest(Object seen) {
        return sha256(write(seen));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
