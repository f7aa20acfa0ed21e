package io.broadsheet.fediverse;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON of the activities a feed actor sends. */
@Singleton
public class Activities {

    private final Actors actors;
    private final JsonMapper json;

    public Activities(Actors actors, JsonMapper json) {
        this.actors = actors;
        this.json = json;
    }

    /** The Accept of a Follow, the Follow embedded as received. */
    public String accept(String feed, String followJson) {
        try {
            JsonNode follow = json.readValue(followJson, JsonNode.class);
            JsonNode id = follow.get("id");
            Map<String, Object> accept = new LinkedHashMap<>();
            accept.put("@context", "https://www.w3.org/ns/activitystreams");
            accept.put("id", acceptId(feed, id != null && id.isString() ? id.getStringValue() : ""));
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
