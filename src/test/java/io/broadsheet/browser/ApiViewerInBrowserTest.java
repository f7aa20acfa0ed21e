package io.broadsheet.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaml.snakeyaml.Yaml;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API viewer at /docs/api, in a real Chromium, lists every call the OpenAPI document describes. */
@MicronautTest(transactional = false)
class ApiViewerInBrowserTest extends BrowserTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    @SuppressWarnings("unchecked")
    void theViewerListsEveryCallOfTheDescription() {
        Map<String, Object> document = new Yaml().load(http.get("/openapi.yml").body());
        Set<String> described = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, operations) -> operations.keySet()
                .stream().filter(METHODS::contains).forEach(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        assertTrue(described.size() > 15, "the description: " + described);

        WebDriver browser = chromium.driver();
        browser.get(base() + "/docs/api");
        List<WebElement> calls = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
            List<WebElement> shown = b.findElements(By.cssSelector(".opblock"));
            return shown.size() >= described.size() ? shown : null;
        });
        Set<String> listed = new TreeSet<>();
        for (WebElement call : calls) {
            listed.add(call.findElement(By.cssSelector(".opblock-summary-method")).getText().trim() + " "
                    + call.findElement(By.cssSelector(".opblock-summary-path")).getAttribute("data-path"));
        }
        assertEquals(described, listed, "every call of /openapi.yml is listed in the viewer");
        assertTrue(browser.findElement(By.cssSelector(".info .title")).getText().startsWith("Broadsheet"),
                browser.findElement(By.cssSelector(".info .title")).getText());
        assertTrue(browser.findElement(By.cssSelector(".btn.authorize")).isDisplayed(), "the admin token can be entered");
        chromium.screenshot("api-viewer");
    }
}
