package io.broadsheet.feed.http;

import io.broadsheet.web.FeedAnswerSettings;
import io.broadsheet.feed.FeedFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests get the page of a feed rather than the feed: decided by Accept alone. */
class BrowserViewTest {

    static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String SAFARI = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** feedparser's own Accept. */
    static final String FEEDPARSER = "application/atom+xml,application/rdf+xml,application/rss+xml,"
            + "application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1";

    @ParameterizedTest
    @ValueSource(strings = {CHROME, FIREFOX, SAFARI, "TEXT/HTML", "text/html; level=1; q=0.9, */*;q=0.8",
            "application/*;q=0.5, text/html", "application/xml, text/html;q=0.9"})
    void aBrowsersNavigationGetsThePageOfEveryReaderFormat(String accept) {
        BrowserView view = new BrowserView(new FeedAnswerSettings(true, true), null, null);
        for (FeedFormat format : FeedFormat.readerFormats()) {
            assertTrue(view.serves(accept, format), format + ": " + accept);
        }
        assertFalse(view.serves(accept, FeedFormat.NINJS), "ninjs has no page: " + accept);
    }

    @Test
    void aClientThatPrefersJsonFeedToHtmlGetsJsonFeed() {
        assertFalse(BrowserView.wanted("application/feed+json, text/html;q=0.9", FeedFormat.JSON));
        assertTrue(BrowserView.wanted("application/feed+json;q=0.5, text/html", FeedFormat.JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
            FEEDPARSER, "application/rss+xml, application/atom+xml, text/html;q=0.5",
            "text/html, application/rss+xml, application/atom+xml", "text/html;q=0, */*", "text/*",
            "text/html-fragment, */*;q=0.1", "text/html;q=abc", "text/html;q=0.0001", "image/webp,*/*",
            "text/html, application/rss+xml, application/atom+xml, application/feed+json"})
    void feedReadersAndOtherClientsGetTheFeed(String accept) {
        for (FeedFormat format : FeedFormat.values()) {
            assertFalse(BrowserView.wanted(accept, format), format + ": " + accept);
        }
    }

    @Test
    void noAcceptGetsTheFeed() {
        assertFalse(BrowserView.wanted(null, FeedFormat.RSS));
    }

    @Test
    void theMostSpecificMatchingRangeGivesTheQuality() {
        assertEquals(300, BrowserView.quality("*/*;q=0.1, application/*;q=0.2, application/rss+xml;q=0.3",
                "application/rss+xml", false));
        assertEquals(200, BrowserView.quality("*/*;q=0.1, application/*;q=0.2", "application/rss+xml", false));
        assertEquals(100, BrowserView.quality("*/*;q=0.1", "application/rss+xml", false));
        assertEquals(0, BrowserView.quality("text/html", "application/rss+xml", false));
        assertEquals(0, BrowserView.quality("text/*, */*", "text/html", true), "text/html must be named");
        assertEquals(1000, BrowserView.quality(" text/html ;q=1.000 ", "text/html", true));
        assertEquals(0, BrowserView.quality("text/html;q=2", "text/html", true));
    }

    @Test
    void varyNamesAcceptForEveryFeedAndAuthorizationForPartnerFeeds() {
        BrowserView view = new BrowserView(new FeedAnswerSettings(true, true), null, null);
        for (FeedFormat format : FeedFormat.readerFormats()) {
            assertEquals("Accept-Encoding, Accept", view.vary(false, format));
            assertEquals("Accept-Encoding, Authorization, Accept", view.vary(true, format));
        }
        assertEquals("Accept-Encoding", view.vary(false, FeedFormat.NINJS), "ninjs has no page to vary by");
        assertEquals("Accept-Encoding, Authorization", view.vary(true, FeedFormat.NINJS));
    }

    @Test
    void withTheViewTurnedOffNothingVariesOnAcceptAndNoRequestGetsThePage() {
        BrowserView off = new BrowserView(new FeedAnswerSettings(true, false), null, null);
        assertEquals("Accept-Encoding", off.vary(false, FeedFormat.RSS));
        assertEquals("Accept-Encoding, Authorization", off.vary(true, FeedFormat.RSS));
        assertFalse(off.serves(CHROME, FeedFormat.RSS));
    }
}
