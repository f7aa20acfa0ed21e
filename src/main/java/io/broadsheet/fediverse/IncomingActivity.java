package io.broadsheet.fediverse;

import io.broadsheet.input.InvalidInputException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An activity an inbox received: its type, id, actor and object, read from the body as received.
 *
 * @param id     null when the activity has none
 * @param object null when the activity has none
 * @param json   the body as received (an Accept embeds a Follow as it came)
 */
record IncomingActivity(String type, String id, String actor, JsonNode object, String json) {

    /** Reads a body; anything that is not an activity is a 400 naming the field. */
    static IncomingActivity parse(byte[] body, JsonMapper mapper) {
        JsonNode node;
        try {
            node = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("body", "is not JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw InvalidInputException.of("body", "must be a JSON object: an ActivityPub activity");
        }
        String type = ActorDocument.text(node.get("type"));
        if (type == null || type.isEmpty()) {
            throw InvalidInputException.of("type", "must be the activity's type as a string, such as \"Follow\"");
        }
        String actor = idOf(node.get("actor"));
        if (actor == null) {
            throw InvalidInputException.of("actor", "must be the URL of the actor (or an object with that id)");
        }
        return new IncomingActivity(type, ActorDocument.text(node.get("id")), actor, node.get("object"),
                new String(body, StandardCharsets.UTF_8));
    }

    /** The id an ActivityStreams reference names: the string itself, or an object's {@code id}; else null. */
    static String idOf(JsonNode reference) {
        if (reference == null) {
            return null;
        }
        if (reference.isString()) {
            return reference.getStringValue();
        }
        return reference.isObject() ? ActorDocument.text(reference.get("id")) : null;
    }

    /** The id of the object, or null. */
    String objectId() {
        return idOf(object);
    }

    /** The object's type when it is an embedded object, else null. */
    String objectType() {
        return object != null && object.isObject() ? ActorDocument.text(object.get("type")) : null;
    }
}
