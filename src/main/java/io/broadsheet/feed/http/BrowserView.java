package io.broadsheet.feed.http;

import io.broadsheet.web.FeedAnswerSettings;
import io.broadsheet.feed.FeedCache;
import io.broadsheet.feed.FeedFormat;
import io.broadsheet.http.HeaderText;
import io.broadsheet.pages.FeedPage;
import jakarta.inject.Singleton;

/**
 * The browser view of feeds: a request whose {@code Accept} prefers {@code text/html} (a browser opening a feed's URL)
 * gets the feed as an HTML page ({@link FeedPage}), for RSS, Atom and JSON Feed alike; every other request (feed
 * readers, {@code *}{@code /*}, no Accept) gets the feed's own bytes and media type. Every answer of a feed in those
 * formats therefore carries {@code Vary: Accept}. A format not offered to readers (ninjs, for programs that ingest
 * news) has no page: a browser gets its JSON, as every other client does, and its answers do not vary by Accept. The page is rendered once per cached representation and kept with it ({@link FeedView}).
 * Spec: https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1
 */
@Singleton
public class BrowserView {

    private static final String HTML = "text/html";
    private static final String VARY_PUBLIC = "Accept-Encoding, Accept";
    private static final String VARY_PARTNER = "Accept-Encoding, Authorization, Accept";
    private static final String VARY_PUBLIC_NO_VIEW = "Accept-Encoding";
    private static final String VARY_PARTNER_NO_VIEW = "Accept-Encoding, Authorization";
    /** A q-value of 1, in thousandths. */
    private static final int ONE = 1000;

    private final boolean enabled;
    private final FeedCache cache;
    private final FeedPage page;

    /**
     * @param settings {@code broadsheet.browser-view} ({@code BROADSHEET_BROWSER_VIEW}): false answers every request
     *                 with the feed itself and leaves {@code Accept} out of {@code Vary}, for a cache that ignores
     *                 {@code Vary: Accept} (Cloudflare's)
     */
    public BrowserView(FeedAnswerSettings settings, FeedCache cache, FeedPage page) {
        this.enabled = settings.browserView();
        this.cache = cache;
        this.page = page;
    }

    /** Whether to answer a request for {@code format} whose {@code Accept} is {@code accept} with the feed's page. */
    boolean serves(String accept, FeedFormat format) {
        return enabled && format.forReaders() && wanted(accept, format);
    }

    /**
     * Whether {@code accept} names {@code text/html} with a higher q than it gives the format's media type, and than
     * it gives any other reader format's (a feed reader that lists several formats gets a feed at any of their URLs);
     * the most specific range that matches a type gives its q. Browsers' navigations send
     * {@code text/html,...,*}{@code /*;q=0.8}; feed readers name their formats, or send {@code *}{@code /*} (a tie)
     * or nothing. Looks for {@code text/html} first, so most requests allocate nothing.
     */
    static boolean wanted(String accept, FeedFormat format) {
        if (accept == null || indexOfIgnoreCase(accept, HTML) < 0) {
            return false;
        }
        int html = quality(accept, HTML, true);
        if (html == 0 || html <= quality(accept, format.mediaType(), false)) {
            return false;
        }
        for (FeedFormat other : FeedFormat.readerFormats()) {
            if (other != format && html <= quality(accept, other.mediaType(), true)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Vary of every answer of a feed: Accept while the view is on and the format has one, Authorization for a
     * partner feed.
     */
    String vary(boolean partnerOnly, FeedFormat format) {
        if (enabled && format.forReaders()) {
            return partnerOnly ? VARY_PARTNER : VARY_PUBLIC;
        }
        return partnerOnly ? VARY_PARTNER_NO_VIEW : VARY_PUBLIC_NO_VIEW;
    }

    /** The page of {@code entry} if it has been made already, else null: never renders (the event loop's call). */
    FeedView cached(FeedCache.Entry entry) {
        return cache.attached(entry, FeedView.class);
    }

    /**
     * The page of {@code entry}: the one kept with it, else rendered now (on the blocking pool) and kept with it while
     * the cache's budget allows; an entry the cache does not hold (a page past the tenth) gets one for this answer.
     */
    FeedView of(FeedCache.Entry entry) {
        FeedView kept = cached(entry);
        if (kept != null) {
            return kept;
        }
        FeedView made = new FeedView(entry, page.render(entry.rendered().feed(), entry.rendered().format()));
        FeedView attached = cache.attachment(entry, FeedView.class, e -> made, made.size());
        return attached != null ? attached : made;
    }

    /**
     * The q-value, in thousandths, that {@code accept} gives {@code type} ({@code text/html}, or a feed's media
     * type): that of the most specific range matching it (exact, then {@code type/*}, then {@code *}{@code /*}),
     * 0 when none does. {@code exactOnly}: only an exact range counts (a browser names {@code text/html}).
     */
    static int quality(String accept, String type, boolean exactOnly) {
        int slash = type.indexOf('/');
        int exact = -1;
        int family = -1;
        int any = -1;
        int start = 0;
        int length = accept.length();
        while (start <= length) {
            int end = accept.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = accept.indexOf(';', start);
            int rangeEnd = semicolon < 0 || semicolon > end ? end : semicolon;
            int from = HeaderText.skipSpaces(accept, start, rangeEnd);
            int to = HeaderText.trimEnd(accept, from, rangeEnd);
            int rangeLength = to - from;
            if (rangeLength == type.length() && accept.regionMatches(true, from, type, 0, rangeLength)) {
                exact = q(accept, rangeEnd, end);
            } else if (rangeLength == slash + 2 && accept.regionMatches(true, from, type, 0, slash + 1)
                    && accept.charAt(to - 1) == '*') {
                family = q(accept, rangeEnd, end);
            } else if (rangeLength == 3 && accept.startsWith("*/*", from)) {
                any = q(accept, rangeEnd, end);
            }
            start = end + 1;
        }
        if (exact >= 0 || exactOnly) {
            return Math.max(exact, 0);
        }
        return family >= 0 ? family : Math.max(any, 0);
    }

    /** The q parameter among a range's parameters ({@code from} at its first ';'), 1 when absent, 0 when malformed. */
    private static int q(String accept, int from, int end) {
        int at = from;
        while (at < end) {
            int next = accept.indexOf(';', at + 1);
            if (next < 0 || next > end) {
                next = end;
            }
            int name = HeaderText.skipSpaces(accept, at + 1, next);
            if (name < next && (accept.charAt(name) == 'q' || accept.charAt(name) == 'Q')) {
                int equals = HeaderText.skipSpaces(accept, name + 1, next);
                if (equals < next && accept.charAt(equals) == '=') {
                    int value = HeaderText.skipSpaces(accept, equals + 1, next);
                    return qvalue(accept, value, HeaderText.trimEnd(accept, value, next));
                }
            }
            at = next;
        }
        return ONE;
    }

    /** RFC 9110 12.4.2: {@code 0[.ddd]} or {@code 1[.000]}, in thousandths; anything else is 0 (not acceptable). */
    private static int qvalue(String s, int from, int to) {
        if (from >= to || (s.charAt(from) != '0' && s.charAt(from) != '1')) {
            return 0;
        }
        int value = (s.charAt(from) - '0') * ONE;
        if (from + 1 == to) {
            return value;
        }
        if (s.charAt(from + 1) != '.' || to - from > 5) {
            return 0;
        }
        int scale = 100;
        for (int i = from + 2; i < to; i++, scale /= 10) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value += (c - '0') * scale;
        }
        return Math.min(value, ONE);
    }

    private static int indexOfIgnoreCase(String s, String part) {
        for (int i = 0; i + part.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }
}
