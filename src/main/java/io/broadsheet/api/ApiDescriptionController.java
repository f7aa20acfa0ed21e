package io.broadsheet.api;

import io.broadsheet.web.ApiDocs;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Serves the API's OpenAPI 3 description at {@code /openapi.yml} and Swagger UI showing it at {@code /docs/api}.
 * The description is written at compile time by micronaut-openapi from the controllers' annotations (and
 * {@link ApiDocs}); the annotations on this class head it. Spec: https://spec.openapis.org/oas/v3.0.3
 */
@OpenAPIDefinition(
        info = @Info(title = "Broadsheet API", version = "${project.version}", description = """
                News syndication: articles in through the admin API, RSS 2.0, Atom 1.0 and JSON Feed 1.1 out.

                Every call under `/api` needs `Authorization: Bearer <admin token>` (`BROADSHEET_ADMIN_TOKEN`, or the \
                token generated on first start into `<data dir>/admin-token`). Request and answer bodies are JSON \
                (`application/json`), but for the bulk import and export (`application/x-ndjson`, one article a line). \
                Bodies other than an import's are at most 2 MiB.

                Every error is `application/problem+json` (RFC 9457, see the `Problem` schema); for invalid input, \
                `errors` names each broken member by its JSON path, and nothing of the request was stored.

                Feeds are public unless `feeds-config/broadsheet.yml` makes one a partner feed, which answers only \
                a request carrying a partner key that grants it."""),
        tags = {
                @Tag(name = "Articles", description = "Write, read, withdraw and restore articles; bulk import and export."),
                @Tag(name = "Categories", description = "Category names and descriptions, and their feeds."),
                @Tag(name = "Partner keys", description = "Keys that open partner feeds."),
                @Tag(name = "Statistics", description = "Who polls the feeds."),
                @Tag(name = "Feeds", description = "The feeds, in every format, for readers and aggregators."),
                @Tag(name = "Operations", description = "Metrics for monitoring.")
        })
@SecurityScheme(name = ApiDocs.ADMIN_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The admin token: `BROADSHEET_ADMIN_TOKEN`, or the one generated on first start into"
                + " `<data dir>/admin-token`.")
@SecurityScheme(name = ApiDocs.PARTNER_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A partner key (`POST /api/partners`) as `Authorization: Bearer <key>`: the header keeps it out of"
                + " access logs.")
@SecurityScheme(name = ApiDocs.PARTNER_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.QUERY,
        paramName = "key", description = "A partner key (`POST /api/partners`) as `?key=<key>`, for readers that"
                + " cannot send a header.")
@Hidden
@Controller
public class ApiDescriptionController {

    /** RFC 9512's media type for YAML; it takes no charset parameter (YAML is UTF-8 here). */
    static final String YAML = "application/yaml";
    /** Where micronaut-openapi writes the description ({@code micronaut.openapi.filename} in src/main/openapi). */
    static final String DESCRIPTION = "META-INF/swagger/broadsheet.yml";
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    /**
     * The viewer runs only this server's scripts; Swagger UI sets inline styles and draws icons from data: URLs.
     * Spec: https://www.w3.org/TR/CSP3/
     */
    static final String VIEWER_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " frame-ancestors 'none'";

    private final byte[] description;
    private final String viewer;

    ApiDescriptionController() {
        this.description = read(DESCRIPTION);
        this.viewer = viewer("/webjars/swagger-ui/" + swaggerUiVersion());
    }

    @Get(uri = "/openapi.yml", produces = YAML)
    public HttpResponse<byte[]> description() {
        return HttpResponse.ok(description).contentType(YAML).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    /** Swagger UI: every script and style from this server, the start-up script in /assets/api-docs.js (no inline script). */
    @Get(uri = "/docs/api", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> viewer() {
        return HttpResponse.ok(viewer).header(HttpHeaders.CONTENT_TYPE, HTML)
                .header("Content-Security-Policy", VIEWER_POLICY);
    }

    private static String viewer(String swaggerUi) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Broadsheet API</title>
                <link rel="stylesheet" href="%1$s/swagger-ui.css">
                <script src="%1$s/swagger-ui-bundle.js" defer></script>
                <script src="/assets/api-docs.js" defer></script>
                </head>
                <body>
                <header>
                <h1>Broadsheet API</h1>
                <p>The OpenAPI 3 description shown here: <a href="/openapi.yml">/openapi.yml</a>.</p>
                </header>
                <main id="swagger-ui" data-url="/openapi.yml">
                <noscript><p>This viewer needs JavaScript; the description itself is at
                <a href="/openapi.yml">/openapi.yml</a>.</p></noscript>
                </main>
                </body>
                </html>
                """.formatted(swaggerUi);
    }

    /** The version of the swagger-ui webjar on the class path: its files are under /webjars/swagger-ui/{version}/. */
    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = new java.io.ByteArrayInputStream(read(SWAGGER_UI_POM))) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDescriptionController.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: build with Maven, which writes"
                        + " the API description and packages the swagger-ui webjar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
