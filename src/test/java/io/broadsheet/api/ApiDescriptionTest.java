package io.broadsheet.api;

import io.broadsheet.web.ApiDocs;
import io.broadsheet.article.ArticleView;
import io.broadsheet.web.Problem;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.feed.FeedFormat;
import io.micronaut.http.HttpMethod;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /openapi.yml describes every call of the API and the feeds as the controllers answer it: the routes come from
 * the running router, the members of the request bodies from what the server accepts, so an undocumented call or
 * member fails here.
 */
@MicronautTest(transactional = false)
class ApiDescriptionTest extends HttpTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** "unknown field; expected one of [a, b]" (JsonFields.rejectUnknown). */
    private static final Pattern EXPECTED = Pattern.compile("expected one of \\[(.*)]");
    private static final String UNKNOWN = "no-such-member";
    /** The sitemaps' routes, described beside the API's (io.broadsheet.sitemap). */
    private static final Set<String> SITEMAPS = Set.of("/robots.txt", "/sitemap.xml", "/sitemaps/news.xml",
            "/sitemaps/{file}");
    /** The fediverse's routes (io.broadsheet.fediverse.http): the actors, WebFinger and NodeInfo. */
    private static final List<String> FEDIVERSE = List.of("/fediverse/", "/.well-known/webfinger", "/.well-known/nodeinfo",
            "/nodeinfo/");

    @Inject
    Router router;

    private Http.Answer answer;
    private Map<String, Object> document;

    @BeforeAll
    void fetch() {
        answer = http.get("/openapi.yml");
        assertEquals(200, answer.status(), answer.body());
        document = new Yaml().load(answer.body());
    }

    @Test
    void descriptionIsOpenApi3ServedAsYaml() {
        assertEquals(ApiDescriptionController.YAML, answer.header("Content-Type").orElse(""));
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3."), "openapi: " + document.get("openapi"));
        Map<String, Object> info = map(document, "info");
        assertEquals("Broadsheet API", info.get("title"));
        assertTrue(String.valueOf(info.get("version")).matches("\\d+\\.\\d+\\.\\d+.*"),
                "info.version is the project's version, got " + info.get("version"));
    }

    @Test
    void theOpenApiParserReportsNothing() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(answer.body(), null, options);
        assertNotNull(result.getOpenAPI(), "parsed: " + result.getMessages());
        assertEquals(List.of(), result.getMessages(), "the parser's messages");
    }

    @Test
    void everyApiAndFeedRouteIsDescribed() {
        Set<String> served = served();
        assertTrue(served.containsAll(List.of("post /api/articles/import", "get /feeds/{file}", "head /feeds/{file}",
                "options /feeds/{file}", "delete /api/partners/{id}")), "the router's routes: " + served);
        List<String> missing = new ArrayList<>();
        for (String route : served) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            Map<String, Object> item = map(paths(), path);
            // HEAD answers like GET without the body (RFC 9110 9.3.2): a described GET describes it
            boolean described = item != null && (item.containsKey(method)
                    || method.equals("head") && item.containsKey("get"));
            if (!described) {
                missing.add(route);
            }
        }
        assertEquals(List.of(), missing, "routes the router serves that /openapi.yml does not describe");
    }

    @Test
    void everyDescribedCallIsServedAndNoPageIsDescribed() {
        Set<String> served = served();
        for (Map.Entry<String, Object> path : paths().entrySet()) {
            assertTrue(path.getKey().startsWith("/api/") || path.getKey().startsWith("/feeds/")
                    || path.getKey().equals("/metrics") || SITEMAPS.contains(path.getKey()) || fediverse(path.getKey()),
                    "only the API, the feeds, the sitemaps, the fediverse and /metrics, got " + path.getKey());
            for (String method : operations(path.getKey()).keySet()) {
                String route = method + " " + path.getKey();
                if (!path.getKey().equals("/metrics")) {
                    assertTrue(served.contains(route), route + " is described but not served; served: " + served);
                }
            }
        }
    }

    @Test
    void everyOperationHasAnIdASummaryAndItsAnswers() {
        Set<String> ids = new TreeSet<>();
        forEachOperation((route, operation) -> {
            assertNotNull(operation.get("operationId"), route + ": operationId");
            assertTrue(ids.add((String) operation.get("operationId")), route + ": a unique operationId");
            assertFalse(String.valueOf(operation.get("summary")).isBlank(), route + ": summary");
            Map<String, Object> responses = map(operation, "responses");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("2")), route + ": a 2xx answer");
            responses.forEach((code, response) -> assertFalse(
                    String.valueOf(((Map<?, ?>) response).get("description")).matches("\\w+ \\d+ response"),
                    route + " " + code + ": a description of our own, got " + ((Map<?, ?>) response).get("description")));
        });
    }

    @Test
    void everyAdminCallNeedsTheAdminToken() {
        Map<String, Object> scheme = map(map(map(document, "components"), "securitySchemes"), ApiDocs.ADMIN_TOKEN);
        assertEquals("http", scheme.get("type"));
        assertEquals("bearer", scheme.get("scheme"));
        forEachOperation((route, operation) -> {
            if (route.contains(" /api/") || route.endsWith(" /metrics")) {
                assertEquals(List.of(Map.of(ApiDocs.ADMIN_TOKEN, List.of())), operation.get("security"), route);
                assertTrue(map(operation, "responses").keySet().containsAll(List.of("401", "403", "429")),
                        route + ": 401, 403, 429");
            }
        });
    }

    @Test
    void feedsArePublicOrOpenedByAPartnerKey() {
        Map<String, Object> schemes = map(map(document, "components"), "securitySchemes");
        assertEquals(Map.of("type", "apiKey", "in", "query", "name", "key"),
                withoutDescription(map(schemes, ApiDocs.PARTNER_KEY)));
        assertEquals(Map.of("type", "http", "scheme", "bearer"), withoutDescription(map(schemes, ApiDocs.PARTNER_TOKEN)));
        Map<String, Object> feed = map(operations("/feeds/{file}"), "get");
        assertEquals(List.of(Map.of(), Map.of(ApiDocs.PARTNER_TOKEN, List.of()), Map.of(ApiDocs.PARTNER_KEY, List.of())),
                feed.get("security"), "anonymous, or a partner key either way");
    }

    @Test
    void feedAnswersNameTheMediaTypeOfEveryFormatThePageAndEveryConditionalOutcome() {
        Map<String, Object> responses = map(map(operations("/feeds/{file}"), "get"), "responses");
        assertTrue(responses.keySet().containsAll(List.of("200", "226", "304", "400", "404")), responses.keySet().toString());
        assertFalse(responses.containsKey("401"), "a partner feed without a key answers 404, as an unknown name does");
        Set<String> formats = Arrays.stream(FeedFormat.values()).map(FeedFormat::mediaType).collect(Collectors.toSet());
        Set<String> withPage = new java.util.HashSet<>(formats);
        withPage.add("text/html"); // a browser's request gets the feed's page
        assertEquals(withPage, mediaTypes(map(map(responses, "200"), "content").keySet()));
        assertEquals(formats, mediaTypes(map(map(responses, "226"), "content").keySet()));
        Set<String> headers = parameters(map(operations("/feeds/{file}"), "get"), "header");
        assertTrue(headers.containsAll(List.of("If-None-Match", "If-Modified-Since", "A-IM")), headers.toString());
    }

    /** The media types without their parameters (ninjs's is named with its charset). */
    private static Set<String> mediaTypes(Set<String> keys) {
        return keys.stream().map(k -> k.replaceAll(";.*", "")).collect(Collectors.toSet());
    }

    @Test
    void everyErrorAnswerIsAProblemDocument() {
        forEachOperation((route, operation) -> map(operation, "responses").forEach((code, response) -> {
            // a withdrawn article's note answers 410 with an ActivityPub Tombstone, as ActivityPub servers expect
            boolean tombstone = route.equals("get /fediverse/{feed}/notes/{articleId}") && code.equals("410");
            if (Integer.parseInt(code) >= 400 && !tombstone) {
                assertEquals(Map.of(Problem.MEDIA_TYPE, Map.of("schema", Map.of("$ref", PROBLEM_REF))),
                        ((Map<?, ?>) response).get("content"), route + " " + code);
            }
        }));
        Map<String, Object> schemas = map(map(document, "components"), "schemas");
        assertEquals(recordMembers(Problem.class), map(map(schemas, "Problem"), "properties").keySet());
        assertEquals(recordMembers(io.broadsheet.input.FieldError.class),
                map(map(schemas, "FieldError"), "properties").keySet());
    }

    /**
     * Each JSON body's schema lists exactly what the server takes: a body holding every described member and one
     * unknown member is refused for the unknown one alone, and the refusal lists the members the server knows.
     */
    @Test
    void everyJsonBodyListsTheMembersTheServerAccepts() {
        Set<String> checked = new TreeSet<>();
        forEachOperation((route, operation) -> {
            Map<String, Object> body = map(operation, "requestBody");
            // an inbox takes ActivityStreams documents, open to members of any vocabulary: none is "unknown"
            if (body == null || !map(body, "content").containsKey("application/json") || route.contains(" /fediverse/")) {
                return;
            }
            checked.add(route);
            Map<String, Object> schema = schema(map(map(map(body, "content"), "application/json"), "schema"));
            Map<String, Object> probe = nulls(schema);
            probe.put(UNKNOWN, 1);
            List<JsonNode> errors = refusal(route, json(probe));
            List<String> unknown = unknownMembers(errors);
            assertEquals(List.of(UNKNOWN), unknown, route + ": only the made-up member is unknown; errors " + errors);
            Set<String> accepted = expected(errors, UNKNOWN);
            assertTrue(map(schema, "properties").keySet().containsAll(accepted),
                    route + ": the schema lists " + map(schema, "properties").keySet() + ", the server takes " + accepted);
            assertEquals(Boolean.FALSE, schema.get("additionalProperties"), route + ": unknown members are refused");

            Set<String> required = fieldsWith(refusal(route, "{}"), "is required");
            List<?> described = (List<?>) schema.getOrDefault("required", List.of());
            assertTrue(described.containsAll(required), route + ": required " + described + ", the server asks for " + required);
        });
        assertTrue(checked.containsAll(List.of("post /api/articles", "put /api/articles/{slug}",
                "post /api/articles/{slug}/withdraw", "put /api/categories/{slug}", "post /api/partners")), checked.toString());
    }

    /** The article's nested objects: authors, images and their renditions. */
    @Test
    void articleInputListsTheMembersOfItsNestedObjects() {
        Map<String, Object> article = schemaNamed("ArticleInput");
        Map<String, Object> image = nulls(schemaNamed("ImageInput"));
        Map<String, Object> rendition = nulls(schemaNamed("RenditionInput"));
        rendition.put(UNKNOWN, 1);
        image.put("renditions", List.of(rendition));
        image.put(UNKNOWN, 1);
        Map<String, Object> author = nulls(schemaNamed("AuthorInput"));
        author.put(UNKNOWN, 1);
        Map<String, Object> probe = nulls(article);
        probe.put("images", List.of(image));
        probe.put("authors", List.of(author));
        List<JsonNode> errors = refusal("post /api/articles", json(probe));
        Map<String, String> nested = Map.of("images[0].", "ImageInput", "images[0].renditions[0].", "RenditionInput",
                "authors[0].", "AuthorInput");
        assertEquals(new TreeSet<>(nested.keySet().stream().map(p -> p + UNKNOWN).toList()),
                new TreeSet<>(unknownMembers(errors)), "errors " + errors);
        nested.forEach((prefix, name) -> assertEquals(map(schemaNamed(name), "properties").keySet(),
                expected(errors, prefix + UNKNOWN), name));
        assertEquals(Set.of("title", "categories", "publishedAt"), Set.copyOf((List<?>) article.get("required")));
        assertTrue(map(article, "properties").keySet().containsAll(recordMembers(ArticleView.class)),
                "what GET answers can be sent back: " + recordMembers(ArticleView.class));
    }

    private List<JsonNode> refusal(String route, String json) {
        String method = route.substring(0, route.indexOf(' ')).toUpperCase(Locale.ROOT);
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "api-description-probe");
        Http.Answer refused = http.send(http.admin(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(400, refused.status(), route + " " + json + ": " + refused.body());
        List<JsonNode> errors = new ArrayList<>();
        FeedParsers.jsonTree(refused.body()).get("errors").values().forEach(errors::add);
        return errors;
    }

    /** JSON of maps, lists, numbers and nulls: written here, since a serialiser may leave null members out. */
    private static String json(Object value) {
        if (value instanceof Map<?, ?> object) {
            return object.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + json(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> array) {
            return array.stream().map(ApiDescriptionTest::json).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static List<String> unknownMembers(List<JsonNode> errors) {
        return errors.stream().filter(e -> e.get("message").getStringValue().startsWith("unknown field"))
                .map(e -> e.get("field").getStringValue()).toList();
    }

    private static Set<String> expected(List<JsonNode> errors, String field) {
        String message = errors.stream().filter(e -> e.get("field").getStringValue().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + " in " + errors))
                .get("message").getStringValue();
        Matcher m = EXPECTED.matcher(message);
        assertTrue(m.find(), message);
        return Arrays.stream(m.group(1).split(", ")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldsWith(List<JsonNode> errors, String message) {
        return errors.stream().filter(e -> e.get("message").getStringValue().startsWith(message))
                .map(e -> e.get("field").getStringValue()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** An object with every member the schema lists, each null: no value breaks a rule by its type. */
    private static Map<String, Object> nulls(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        map(schema, "properties").keySet().forEach(name -> out.put(name, null));
        return out;
    }

    /** Every route under /api and /feeds, and the sitemaps' routes, the running server answers, as "method path". */
    private Set<String> served() {
        return router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/")
                        || r.getUriMatchTemplate().toPathString().startsWith("/feeds/")
                        || SITEMAPS.contains(r.getUriMatchTemplate().toPathString())
                        || fediverse(r.getUriMatchTemplate().toPathString()))
                .map(ApiDescriptionTest::route)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean fediverse(String path) {
        return FEDIVERSE.stream().anyMatch(path::startsWith);
    }

    private static String route(UriRouteInfo<?, ?> route) {
        HttpMethod method = route.getHttpMethod();
        return method.name().toLowerCase(Locale.ROOT) + " " + route.getUriMatchTemplate().toPathString();
    }

    private void forEachOperation(java.util.function.BiConsumer<String, Map<String, Object>> check) {
        for (String path : paths().keySet()) {
            operations(path).forEach((method, operation) -> check.accept(method + " " + path, map(operations(path), method)));
        }
    }

    private Map<String, Object> operations(String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        map(paths(), path).forEach((key, value) -> {
            if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(key)) {
                out.put(key, value);
            }
        });
        return out;
    }

    private static Set<String> parameters(Map<String, Object> operation, String in) {
        return ((List<?>) operation.get("parameters")).stream().map(p -> (Map<?, ?>) p)
                .filter(p -> in.equals(p.get("in"))).map(p -> (String) p.get("name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Map<String, Object> paths() {
        return map(document, "paths");
    }

    private Map<String, Object> schema(Map<String, Object> schemaOrRef) {
        Object ref = schemaOrRef.get("$ref");
        return ref == null ? schemaOrRef : schemaNamed(((String) ref).substring("#/components/schemas/".length()));
    }

    private Map<String, Object> schemaNamed(String name) {
        Map<String, Object> schema = map(map(map(document, "components"), "schemas"), name);
        assertNotNull(schema, "the schema " + name);
        return schema;
    }

    private static Set<String> recordMembers(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> withoutDescription(Map<String, Object> scheme) {
        Map<String, Object> out = new LinkedHashMap<>(scheme);
        out.remove("description");
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent == null ? null : (Map<String, Object>) parent.get(key);
    }
}
