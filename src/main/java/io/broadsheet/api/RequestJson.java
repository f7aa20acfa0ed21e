package io.broadsheet.api;

import io.broadsheet.web.BodyLimitFilter;
import io.broadsheet.web.BodyTooLargeException;
import io.broadsheet.input.InvalidInputException;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Reads a JSON request body as a tree, so that every field's type can be checked and named in errors. */
@Singleton
class RequestJson {

    private final JsonMapper json;

    RequestJson(JsonMapper json) {
        this.json = json;
    }

    /** Any JSON value; a body over 2 MiB is a 413, malformed JSON a 400. */
    JsonNode read(byte[] body) {
        if (body.length > BodyLimitFilter.MAX_BODY) {
            throw new BodyTooLargeException(body.length, BodyLimitFilter.MAX_BODY);
        }
        try {
            return json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException e) {
            throw InvalidInputException.of("", "the body is not valid JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** A JSON object; anything else is a 400 that says what was expected. */
    JsonNode readObject(byte[] body, String expected) {
        JsonNode node = read(body);
        if (!node.isObject()) {
            throw InvalidInputException.of("", "the body must be a JSON object: " + expected);
        }
        return node;
    }
}
