package io.broadsheet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IPTC's ninjs 3.3 schema (src/test/resources/ninjs/) as IPTC validates with it: draft 2020-12, formats asserted, the
 * GeoJSON schema it refers to read from the same folder (nothing is fetched). Validates each object of a served
 * {@code .ninjs} array.
 */
public final class NinjsSchema {

    private static final String FOLDER = "classpath:ninjs/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchema schema;

    private NinjsSchema(JsonSchema schema) {
        this.schema = schema;
    }

    public static NinjsSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mappings(Map.of(
                        "https://geojson.org/schema/GeoJSON.json", FOLDER + "GeoJSON-schema.json",
                        "http://www.iptc.org/std/ninjs/ninjs-schema_3.3.json", FOLDER + "ninjs-schema_3.3.json"))));
        JsonSchema schema = factory.getSchema(SchemaLocation.of(FOLDER + "ninjs-schema_3.3.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        schema.initializeValidators();
        return new NinjsSchema(schema);
    }

    /** What the schema finds wrong with one ninjs object (a JSON text); empty when it is valid. */
    public Set<ValidationMessage> problems(String object) {
        return schema.validate(tree(object));
    }

    /**
     * Every object of the ninjs array {@code document}, served at {@code where}: one line per object the schema
     * refuses, naming the document, the object (its index and uri) and each schema error; empty when all are valid.
     */
    public List<String> problemsOfArray(String where, String document) {
        JsonNode array = tree(document);
        List<String> problems = new ArrayList<>();
        if (!array.isArray()) {
            problems.add(where + ": expected a JSON array of ninjs objects, got " + array.getNodeType());
            return problems;
        }
        for (int i = 0; i < array.size(); i++) {
            Set<ValidationMessage> found = schema.validate(array.get(i));
            if (!found.isEmpty()) {
                problems.add(where + " item " + i + " (" + array.get(i).path("uri").asText("no uri") + "): " + found);
            }
        }
        return problems;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
