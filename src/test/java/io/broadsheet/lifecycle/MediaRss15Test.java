package io.broadsheet.lifecycle;

import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.Signals;
import io.broadsheet.testing.TestDatabase;
import io.broadsheet.testing.W3cFeedValidator;
import io.broadsheet.article.ArticleService;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jdom2.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code defaults.media-rss-1-5: true}, RSS tombstones also carry Media RSS 1.5's {@code media:status} and image
 * licenses are {@code media:license} elements; the W3C validator's code, whose Media RSS support predates both, then
 * reports them, and nothing else.
 */
@MicronautTest(transactional = false)
class MediaRss15Test extends HttpTest {

    @Inject
    MutableClock clock;

    @Inject
    ArticleService articles;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.test.mutable-clock", "true");
        try {
            Path dir = Files.createTempDirectory("media-rss-1-5");
            String config = Files.readString(Path.of("src/test/resources/test-feeds-config/broadsheet.yml"));
            Files.writeString(dir.resolve("broadsheet.yml"), config.replace("defaults:\n", "defaults:\n  media-rss-1-5: true\n"));
            properties.put("broadsheet.config-dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    @BeforeAll
    void publishEverySignal() {
        LifecycleValidityTest.publishEverySignal(http, clock, articles);
        Map<String, Object> image = Fixtures.with(Fixtures.image("licensed", 1), "license", LICENSE);
        assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.with(Fixtures.article("licensed",
                "2026-11-30T07:00:00Z", "licensed"), "images", List.of(image)))).status());
    }

    @Test
    void rssTombstonesCarryMediaStatusWithTheReason() {
        List<Element> items = Signals.xml(http.get("/feeds/europe.rss").body()).getRootElement().getChild("channel")
                .getChildren("item");
        Element status = items.get(0).getChild("status", Signals.MEDIA);
        assertEquals("deleted", status.getAttributeValue("state"));
        assertEquals("Rechtsstreit \u2014 L\u00f6schung auf Anordnung <Gericht> & Co.", status.getAttributeValue("reason"));
    }

    @Test
    void licensesAreMediaLicenseElements() {
        Element content = Signals.xml(http.get("/feeds/licensed.rss").body()).getRootElement().getChild("channel")
                .getChild("item").getChild("content", Signals.MEDIA);
        assertEquals(LICENSE, content.getChild("license", Signals.MEDIA).getAttributeValue("href"));
        assertEquals(null, content.getChild("copyright", Signals.MEDIA), "no copyright text was sent");
    }

    @Test
    void theW3cValidatorReportsMediaStatusAndMediaLicenseAsUnknownAndNothingElse() throws Exception {
        W3cFeedValidator.assumeAvailable();
        Map<String, byte[]> documents = LifecycleValidityTest.xmlDocuments(http);
        documents.put("https://news.example.com/feeds/licensed.rss", http.get("/feeds/licensed.rss").bytes());
        Map<String, W3cFeedValidator.Report> reports = W3cFeedValidator.validate(documents);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, W3cFeedValidator.Report> report : reports.entrySet()) {
            for (String error : report.getValue().errors()) {
                assertTrue(error.contains("Undefined item element: media:status")
                        || error.contains("Undefined media:content element: media:license"), report.getKey() + ": " + error);
                seen.add(error.contains("media:status") ? "status" : "license");
            }
        }
        assertEquals(Set.of("status", "license"), seen, "the validator knows neither: " + reports);
    }
}
