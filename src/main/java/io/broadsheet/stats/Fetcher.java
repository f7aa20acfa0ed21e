package io.broadsheet.stats;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who polls, read from the User-Agent: the fetcher's name, and the subscriber count the big readers announce there
 * (for example {@code Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )}).
 *
 * @param name        a known reader's name, else the User-Agent's first product token (at most 60 characters),
 *                    else {@code unknown}
 * @param subscribers the announced count of subscribers (or readers), or null when none is announced
 */
public record Fetcher(String name, Long subscribers) {

    static final String UNKNOWN = "unknown";
    private static final Pattern COUNT = Pattern.compile("(\\d{1,12})\\s+(?:subscribers?|readers?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRODUCT = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._+-]{0,59})");
    /** Readers known by a token anywhere in their User-Agent, in the order they are tried. */
    private static final List<String[]> KNOWN = List.of(
            new String[]{"feedly", "Feedly"},
            new String[]{"inoreader", "Inoreader"},
            new String[]{"newsblur", "NewsBlur"},
            new String[]{"feedbin", "Feedbin"},
            new String[]{"theoldreader", "The Old Reader"},
            new String[]{"the old reader", "The Old Reader"},
            new String[]{"netnewswire", "NetNewsWire"},
            new String[]{"newsboat", "newsboat"},
            new String[]{"miniflux", "Miniflux"},
            new String[]{"tiny tiny rss", "Tiny Tiny RSS"},
            new String[]{"freshrss", "FreshRSS"},
            new String[]{"feedpress", "FeedPress"},
            new String[]{"bazqux", "BazQux"},
            new String[]{"superfeedr", "Superfeedr"});

    public static Fetcher of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Fetcher(UNKNOWN, null);
        }
        Matcher count = COUNT.matcher(userAgent);
        Long subscribers = count.find() ? Long.valueOf(count.group(1)) : null;
        String lower = userAgent.toLowerCase(Locale.ROOT);
        for (String[] known : KNOWN) {
            if (lower.contains(known[0])) {
                return new Fetcher(known[1], subscribers);
            }
        }
        Matcher product = PRODUCT.matcher(userAgent.strip());
        return new Fetcher(product.find() ? product.group(1) : UNKNOWN, subscribers);
    }
}
