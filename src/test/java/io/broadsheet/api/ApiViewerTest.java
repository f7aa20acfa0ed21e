package io.broadsheet.api;

import io.broadsheet.pages.Html5;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /docs/api: Swagger UI over /openapi.yml, every script and style served by Broadsheet itself. */
@MicronautTest(transactional = false)
class ApiViewerTest extends HttpTest {

    private Http.Answer answer;
    private Document page;

    @BeforeAll
    void fetch() {
        answer = http.get("/docs/api");
        assertEquals(200, answer.status(), answer.body());
        page = Html5.assertConforms(answer.body(), "/docs/api");
    }

    @Test
    void viewerIsAnHtml5PageWithATitleAndAHeading() {
        assertTrue(answer.header("Content-Type").orElse("").startsWith("text/html"), answer.headers().toString());
        DocumentType doctype = page.documentType();
        assertEquals("html", doctype == null ? null : doctype.name(), "<!DOCTYPE html>");
        assertEquals("", doctype.publicId() + doctype.systemId(), "the HTML5 doctype has no public or system id");
        assertFalse(page.selectFirst("html").attr("lang").isBlank(), "html lang");
        assertEquals("Broadsheet API", page.title());
        assertEquals("Broadsheet API", page.selectFirst("h1").text());
    }

    @Test
    void viewerLoadsOnlyScriptsAndStylesOfThisServerAndNoInlineScript() {
        List<String> loads = loads();
        assertTrue(loads.stream().anyMatch(src -> src.endsWith("/swagger-ui-bundle.js")), loads.toString());
        assertTrue(loads.stream().anyMatch(src -> src.endsWith("/swagger-ui.css")), loads.toString());
        assertTrue(loads.contains("/assets/api-docs.js"), loads.toString());
        for (String src : loads) {
            assertTrue(src.startsWith("/") && !src.startsWith("//"), "same origin: " + src);
        }
        for (Element script : page.select("script")) {
            assertTrue(script.hasAttr("src") && script.data().isBlank(), "no inline script: " + script);
        }
        assertTrue(page.select("[style], style").isEmpty(), "no inline style");
        assertEquals("/openapi.yml", page.selectFirst("#swagger-ui").attr("data-url"));
        assertEquals(ApiDescriptionController.VIEWER_POLICY, answer.header("Content-Security-Policy").orElse(null));
        assertTrue(ApiDescriptionController.VIEWER_POLICY.startsWith("default-src 'self';")
                && !ApiDescriptionController.VIEWER_POLICY.contains("script-src"), "scripts only from this server");
    }

    @Test
    void everyAssetTheViewerLoadsAnswersWithItsMediaType() {
        for (String src : loads()) {
            Http.Answer asset = http.get(src);
            assertEquals(200, asset.status(), src);
            String type = asset.header("Content-Type").orElse("");
            String expected = src.endsWith(".js") ? "javascript" : src.endsWith(".css") ? "text/css" : "?";
            assertTrue(type.contains(expected), src + ": " + type);
        }
        assertEquals(200, http.get(page.selectFirst("#swagger-ui").attr("data-url")).status(), "the description");
    }

    /** Everything the page makes the browser fetch: scripts, stylesheets, icons, images. */
    private List<String> loads() {
        List<String> out = new ArrayList<>();
        page.select("script[src]").forEach(e -> out.add(e.attr("src")));
        page.select("link[href]").forEach(e -> out.add(e.attr("href")));
        page.select("img[src], iframe[src], object[data]").forEach(e -> out.add(e.hasAttr("src") ? e.attr("src") : e.attr("data")));
        return out;
    }
}
