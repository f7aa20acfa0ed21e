package io.broadsheet.browser;

import io.broadsheet.testing.Http;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The newsroom signs in with the admin token in a real Chromium, and the dashboard draws a chart per polled feed with
 * the numbers {@code GET /api/stats/feeds} reports after polls by fetchers that announce subscribers and one that
 * does not.
 */
@MicronautTest(transactional = false)
class NewsroomInBrowserTest extends BrowserTest {

    private static final String FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )";
    private static final String INOREADER = "Mozilla/5.0 (compatible; Inoreader/1.0; https://www.inoreader.com; 7 subscribers; )";
    private static final String NEWSBOAT = "newsboat/2.36.0 (Linux x86_64)";

    @Inject
    ObjectMapper json;

    @BeforeAll
    void poll() {
        String etag = poll("/feeds/world.rss", FEEDLY, "198.51.100.1", null).header("ETag").orElseThrow();
        assertEquals(304, poll("/feeds/world.rss", FEEDLY, "198.51.100.1", etag).status());
        poll("/feeds/world.atom", INOREADER, "198.51.100.2", null);
        poll("/feeds/world.rss", NEWSBOAT, "203.0.113.7", null);
        poll("/feeds/world.rss", NEWSBOAT, "203.0.113.7", etag);
        poll("/feeds/europe.json", NEWSBOAT, "203.0.113.8", null);
        poll("/feeds/all.rss", FEEDLY.replace("42", "1200"), "198.51.100.1", null);
    }

    private Http.Answer poll(String path, String userAgent, String address, String etag) {
        var request = http.request(path).header("User-Agent", userAgent).header("X-Forwarded-For", address);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request);
    }

    @Test
    void theDashboardChartsTheSubscribersAndPollsTheApiReports() throws IOException {
        WebDriver browser = chromium.driver();
        browser.get(base() + "/newsroom");
        assertEquals("Sign in", browser.findElement(By.cssSelector("form.sign-in button")).getText());
        browser.findElement(By.id("token")).sendKeys(Http.ADMIN_TOKEN);
        browser.findElement(By.cssSelector("form.sign-in")).submit();

        WebElement charts = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> b.findElement(By.id("charts")).getAttribute("data-drawn") != null ? b.findElement(By.id("charts")) : null);
        assertEquals(base() + "/newsroom", browser.getCurrentUrl());
        assertEquals(null, charts.getAttribute("data-error"), "the chart data loaded");

        JsonNode report = json.readValue(http.getAsAdmin("/api/stats/feeds").body(), JsonNode.class);
        Map<String, String> expected = new LinkedHashMap<>();
        for (JsonNode feed : report.get("feeds").values()) {
            List<String> days = new ArrayList<>();
            for (JsonNode day : feed.get("days").values()) {
                days.add(day.get("day").getStringValue() + "=" + day.get("subscribers").getLongValue() + "/"
                        + day.get("polls").getLongValue());
            }
            expected.put(feed.get("feed").getStringValue(), String.join(" ", days));
        }
        assertEquals(List.of("all", "world", "europe"), new ArrayList<>(expected.keySet()), "the feeds polled: " + report);

        Map<String, String> drawn = new LinkedHashMap<>();
        for (WebElement chart : browser.findElements(By.cssSelector("#charts .chart"))) {
            assertEquals("true", chart.getAttribute("data-drawn"), chart.getAttribute("data-feed"));
            String[] days = chart.getAttribute("data-days").split(",");
            String[] subscribers = chart.getAttribute("data-subscribers").split(",", -1);
            String[] polls = chart.getAttribute("data-polls").split(",");
            List<String> plotted = new ArrayList<>();
            for (int i = 0; i < days.length; i++) {
                if (!subscribers[i].isEmpty()) {
                    plotted.add(days[i] + "=" + subscribers[i] + "/" + polls[i]);
                }
            }
            drawn.put(chart.getAttribute("data-feed"), String.join(" ", plotted));
            assertTrue(paintedPixels(browser, chart) > 500, "the chart of " + chart.getAttribute("data-feed") + " is drawn");
        }
        assertEquals(expected, drawn, "each chart plots the API's days, subscribers and polls");
        assertTrue(drawn.get("world").endsWith("=50/5"), "Feedly's 42, Inoreader's 7 and newsboat: " + drawn);

        WebElement world = browser.findElement(By.cssSelector("#feed-stats tr[data-feed='world']"));
        assertEquals("50", world.findElement(By.cssSelector(".subscribers")).getText());
        assertEquals("5", world.findElement(By.cssSelector(".polls")).getText());
        chromium.screenshot("newsroom-dashboard");
    }

    /** How many pixels of the chart's canvas are not transparent. */
    private static long paintedPixels(WebDriver browser, WebElement chart) {
        Object painted = ((JavascriptExecutor) browser).executeScript("""
                const canvas = arguments[0].querySelector('canvas');
                if (!canvas || canvas.width === 0) { return 0; }
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let n = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) { n++; } }
                return n;""", chart);
        return ((Number) painted).longValue();
    }
}
