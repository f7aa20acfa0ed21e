package io.broadsheet.sitemap;

import io.broadsheet.testing.Corpus;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.MutableClock;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.broadsheet.testing.Fixtures.article;
import static io.broadsheet.testing.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The news sitemap by Google's rules: the last two days only, newest first, at most 1,000, with the pictures. */
@MicronautTest(transactional = false)
class NewsSitemapTest extends HttpTest {

    private static final String BASE = "https://news.example.com";

    @Inject
    MutableClock clock;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.withMutableClock("NewsSitemapTest");
    }

    @Test
    void newsHoldsTheLastTwoDaysNewestFirstAtMostAThousandAndLetsStoriesGoAtFortyEightHours() {
        Instant now = clock.instant();
        // 1,100 stories of the last day, a minute apart, then 20 from three days ago; a few in other languages
        Corpus corpus = Corpus.generated(1120, n -> {
            Instant at = n < 1100 ? now.minus(Duration.ofMinutes(n + 1)) : now.minus(Duration.ofHours(72)).minusSeconds(n);
            Map<String, Object> story = article("news-" + n, at.toString(), "news");
            return n % 100 == 7 ? with(story, "language", "zh-Hant-TW", "title", "Tom & Jerry <" + n + ">")
                    : n % 100 == 8 ? with(story, "language", null) : story;
        });
        Http.Answer imported = http.importLines(corpus.ndjson());
        assertEquals(200, imported.status(), imported.body());

        List<SitemapRules.NewsUrl> news = SitemapRules.news(
                SitemapRules.valid(xml("/sitemaps/news.xml"), "sitemap.xsd"), now);
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            expected.add(BASE + "/articles/news-" + n);
        }
        assertEquals(expected, news.stream().map(SitemapRules.NewsUrl::loc).toList(), "the newest 1,000, newest first");
        assertEquals(news.stream().sorted(Comparator.comparing(SitemapRules.NewsUrl::published).reversed()).toList(),
                news, "newest first");
        SitemapRules.NewsUrl first = news.get(0);
        assertEquals(List.of("Test Gazette", "en", "news-0-title", now.minus(Duration.ofMinutes(1))),
                List.of(first.name(), first.language(), first.title(), first.published()));
        assertEquals(List.of("https://media.example.com/news-0-img1.jpg", "https://media.example.com/news-0-img2.jpg"),
                first.images(), "an image:image per picture");
        SitemapRules.NewsUrl chinese = news.get(7);
        assertEquals(List.of("zh-tw", "Tom & Jerry <7>"), List.of(chinese.language(), chinese.title()),
                "Traditional Chinese by Google's code; the title escaped by the writer and read back whole");
        assertEquals("en", news.get(8).language(), "no language of its own: the site's");

        // the 1,000th story turns two days old: the document kept in memory must not outlive it
        clock.set(news.get(999).published().plus(Duration.ofHours(48)).plusSeconds(1));
        List<SitemapRules.NewsUrl> later = SitemapRules.news(
                SitemapRules.valid(xml("/sitemaps/news.xml"), "sitemap.xsd"), clock.instant());
        assertEquals(expected.subList(0, 999), later.stream().map(SitemapRules.NewsUrl::loc).toList(),
                "the story published 48 hours ago has left");
    }

    private String xml(String path) {
        Http.Answer answer = http.get(path);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        return answer.body();
    }
}
