package io.broadsheet.browser;

import io.broadsheet.testing.Http;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader sees in a real Chromium: the home page with the feeds and the Kosovo story with its picture's
 * credit, the story's page with its figure and caption, and a feed opened in the browser: the server's page of it.
 */
@MicronautTest(transactional = false)
class ReaderPagesInBrowserTest extends BrowserTest {

    private static final String KOSOVO = "kosovo-asks-biden-to-support-nato-bid";
    private static final String CREDIT = "Armend NIMANI / AFP";
    /** The sample's twelve oldest stories, the Kosovo story first: all of them fit on the home page. */
    private static final int STORIES = 12;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("broadsheet.sample-data", "false");
        return properties;
    }

    @BeforeAll
    void importTheSampleStories() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/sample/articles.ndjson")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(STORIES).toList();
            assertTrue(lines.get(0).contains(KOSOVO), "the sample starts with the Kosovo story");
            Http.Answer imported = http.importLines(String.join("\n", lines) + "\n");
            assertEquals(200, imported.status(), imported.toString());
        }
    }

    @Test
    void theHomePageListsTheFeedsAndTheKosovoStoryWithItsCredit() {
        WebDriver browser = chromium.driver();
        browser.get(base() + "/");
        assertEquals("CSS1Compat", ((JavascriptExecutor) browser).executeScript("return document.compatMode"),
                "standards mode, not quirks");
        assertEquals("Test Gazette", browser.findElement(By.tagName("h1")).getText());

        List<WebElement> stories = browser.findElements(By.cssSelector(".latest .story"));
        assertEquals(STORIES, stories.size());
        WebElement kosovo = stories.stream().filter(s -> s.getText().contains("Kosovo Asks Biden To Support NATO Bid"))
                .findFirst().orElseThrow(() -> new AssertionError("the Kosovo story is on the home page"));
        WebElement figure = kosovo.findElement(By.cssSelector("figure"));
        assertTrue(figure.findElement(By.cssSelector(".credit")).getText().contains(CREDIT), figure.getText());
        assertTrue(figure.findElement(By.cssSelector(".caption")).getText().startsWith("Kosovo’s Prime Minister Albin Kurti"));
        assertTrue(figure.findElement(By.cssSelector(".credit")).isDisplayed(), "the credit is shown, not only in the markup");

        WebElement world = browser.findElement(By.id("feed-world"));
        assertTrue(world.isDisplayed());
        for (String format : List.of("rss", "atom", "json")) {
            assertEquals(1, world.findElements(By.cssSelector("a[href='" + base() + "/feeds/world." + format + "']")).size(),
                    "the world feed's " + format + " link");
        }
        assertTrue(world.findElement(By.cssSelector(".count")).getText().matches("\\d+ stor(y|ies)"),
                world.findElement(By.cssSelector(".count")).getText());
        assertTrue(world.findElement(By.cssSelector("button.copy")).isDisplayed(), "the script shows the copy button");
        assertFalse(browser.findElements(By.cssSelector("li.feed")).isEmpty());
        chromium.screenshot("home");
    }

    @Test
    void anArticlePageShowsTheFigureWithItsCaptionAndCredit() {
        WebDriver browser = chromium.driver();
        browser.get(base() + "/articles/" + KOSOVO);
        assertEquals("Kosovo Asks Biden To Support NATO Bid", browser.findElement(By.tagName("h1")).getText());
        WebElement figure = browser.findElement(By.cssSelector("article figure"));
        WebElement picture = figure.findElement(By.tagName("img"));
        assertTrue(picture.isDisplayed());
        assertTrue(((Number) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].getBoundingClientRect().width", picture)).doubleValue() > 300, "the picture is laid out wide");
        assertFalse(picture.getAttribute("alt").isBlank(), "the picture has a text alternative");
        WebElement caption = figure.findElement(By.tagName("figcaption"));
        assertTrue(caption.isDisplayed());
        assertTrue(caption.getText().contains("Kosovo’s Prime Minister Albin Kurti"), caption.getText());
        assertTrue(caption.getText().contains("Photo: " + CREDIT), caption.getText());
        chromium.screenshot("article");
    }

    @Test
    void aFeedOpenedInTheBrowserIsAPageOfItsItemsWithPicturesAndCaptionsAndNoXsltWarning() {
        WebDriver browser = chromium.driver();
        for (String format : List.of("atom", "json", "rss")) {
            browser.get(base() + "/feeds/europe." + format);
            WebElement address = new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(b -> b.findElements(By.cssSelector(".feed-url code")).stream().findFirst().orElse(null));
            assertEquals(base() + "/feeds/europe." + format, address.getText(), format + ": the address to subscribe to");
            assertEquals("CSS1Compat", ((JavascriptExecutor) browser).executeScript("return document.compatMode"),
                    format + ": standards mode");
            String text = browser.findElement(By.tagName("body")).getText();
            assertFalse(text.contains("XSLT"), format + ": no XSLT, so no warning about it: " + text);
            assertTrue(browser.findElement(By.cssSelector(".subscribe")).getText().contains("feed reader"), format);
            List<WebElement> items = browser.findElements(By.cssSelector(".feed-items article.item"));
            assertFalse(items.isEmpty(), format + ": its items are shown");
            WebElement kosovo = items.stream().filter(i -> i.getText().contains("Kosovo Asks Biden To Support NATO Bid"))
                    .findFirst().orElseThrow(() -> new AssertionError(format + ": the Kosovo story is in the europe feed"));
            WebElement figure = kosovo.findElement(By.cssSelector("figure"));
            assertTrue(figure.findElement(By.cssSelector("figcaption")).isDisplayed(), format + ": the caption is shown");
            assertTrue(figure.findElement(By.cssSelector(".credit")).getText().contains(CREDIT), format);
            assertTrue(figure.findElement(By.cssSelector(".caption")).getText()
                    .startsWith("Kosovo’s Prime Minister Albin Kurti"), format);
            assertTrue(browser.findElement(By.cssSelector(".feed-url button.copy")).isDisplayed(),
                    format + ": the copy button's script ran");
            if (format.equals("rss")) {
                chromium.screenshot("feed-in-browser");
            }
        }
    }
}
