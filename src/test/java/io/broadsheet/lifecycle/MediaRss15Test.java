package io.broadsheet.lifecycle;

import io.broadsheet.HttpTest;
import io.broadsheet.MutableClock;
import io.broadsheet.Signals;
import io.broadsheet.TestDatabase;
import io.broadsheet.W3cFeedValidator;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code defaults.media-rss-1-5: true}, RSS tombstones also carry Media RSS 1.5's {@code media:status}; the
 * W3C validator's code, whose Media RSS support predates that element, then reports it, and nothing else.
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

    @BeforeAll
    void publishEverySignal() {
        LifecycleValidityTest.publishEverySignal(http, clock, articles);
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
    void theW3cValidatorReportsMediaStatusAsUnknownAndNothingElse() throws Exception {
        W3cFeedValidator.assumeAvailable();
        Map<String, W3cFeedValidator.Report> reports = W3cFeedValidator.validate(LifecycleValidityTest.xmlDocuments(http));
        boolean seen = false;
        for (Map.Entry<String, W3cFeedValidator.Report> report : reports.entrySet()) {
            for (String error : report.getValue().errors()) {
                assertTrue(error.contains("Undefined item element: media:status"), report.getKey() + ": " + error);
                seen = true;
            }
        }
        assertTrue(seen, "the validator does not know media:status: " + reports);
    }
}
