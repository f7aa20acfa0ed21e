package io.broadsheet.stats;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who polls, read from the User-Agent: a known feed reader's name, else {@value #OTHER} (or {@value #UNKNOWN} without a
 * User-Agent), and the subscriber count a known reader announces there (for example
 * {@code Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )}). The names form a fixed list, so a flood of
 * made-up User-Agents adds no tally, no row and no name: it is all {@value #OTHER}.
 *
 * @param name        one of {@link #names()}
 * @param subscribers the count a known reader announced, up to {@value #MAX_SUBSCRIBERS}; null when none is
 *                    announced, when the fetcher is not a known reader (anyone can write a count into a User-Agent)
 *                    or when the count is beyond belief
 */
public record Fetcher(String name, Long subscribers) {

    static final String UNKNOWN = "unknown";
    static final String OTHER = "other";
    /**
     * The largest subscriber count believed: the biggest readers announce hundreds of thousands for the most followed
     * feeds; a larger figure is a made-up User-Agent, ignored rather than reported.
     */
    static final long MAX_SUBSCRIBERS = 10_000_000;
    private static final Pattern COUNT = Pattern.compile("(?<![0-9])([0-9]{1,12})\\s{1,3}(?:subscribers?|readers?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** User-Agents are read up to this many characters: known readers name themselves well before it. */
    private static final int READ_CHARS = 512;

    /** A known reader: its name and the lower-case tokens, any of which in a User-Agent names it. */
    private record Known(String name, List<String> tokens) {
    }

    /** Known readers and aggregators, in the order they are tried (a fetcher that names another reader comes first). */
    private static final List<Known> KNOWN = List.of(
            new Known("Feedly", List.of("feedly")),
            new Known("Inoreader", List.of("inoreader")),
            new Known("NewsBlur", List.of("newsblur")),
            new Known("Feedbin", List.of("feedbin")),
            new Known("The Old Reader", List.of("theoldreader", "the old reader")),
            new Known("NetNewsWire", List.of("netnewswire")),
            new Known("newsboat", List.of("newsboat")),
            new Known("Miniflux", List.of("miniflux")),
            new Known("Tiny Tiny RSS", List.of("tiny tiny rss", "tt-rss")),
            new Known("FreshRSS", List.of("freshrss")),
            new Known("Reeder", List.of("reeder")),
            new Known("NewsNow", List.of("newsnow")),
            new Known("Feeder", List.of("feeder.co")),
            new Known("Bloglovin", List.of("bloglovin")),
            new Known("BazQux", List.of("bazqux")),
            new Known("FeedPress", List.of("feedpress")),
            new Known("Superfeedr", List.of("superfeedr")),
            new Known("Feedspot", List.of("feedspot")),
            new Known("Nextcloud News", List.of("nextcloud-news", "nextcloud news")),
            new Known("Liferea", List.of("liferea")),
            new Known("Thunderbird", List.of("thunderbird")),
            new Known("NewsFlash", List.of("newsflash")),
            new Known("Akregator", List.of("akregator")),
            new Known("QuiteRSS", List.of("quiterss")),
            new Known("Vienna", List.of("vienna/")),
            new Known("Feeder Android", List.of("spacecowboy")),
            new Known("ReadKit", List.of("readkit")),
            new Known("Unread", List.of("unread/", "unread rss")),
            new Known("Fiery Feeds", List.of("fiery feeds", "fieryfeeds")),
            new Known("Readwise Reader", List.of("readwise")),
            new Known("Newsify", List.of("newsify")),
            new Known("Flipboard", List.of("flipboard")),
            new Known("Google", List.of("feedfetcher-google", "googlebot")),
            new Known("Bing", List.of("bingbot", "bingpreview")),
            new Known("Slack", List.of("slackbot")),
            new Known("Discord", List.of("discordbot")),
            new Known("IFTTT", List.of("ifttt")),
            new Known("Zapier", List.of("zapier")),
            new Known("Feed Validator", List.of("feedvalidator", "w3c_validator")));

    public static Fetcher of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Fetcher(UNKNOWN, null);
        }
        String lower = userAgent.substring(0, Math.min(userAgent.length(), READ_CHARS)).toLowerCase(Locale.ROOT);
        for (Known known : KNOWN) {
            for (String token : known.tokens()) {
                if (lower.contains(token)) {
                    return new Fetcher(known.name(), subscribers(lower));
                }
            }
        }
        return new Fetcher(OTHER, null);
    }

    /** Every name a fetcher can have: the known readers, {@value #OTHER} and {@value #UNKNOWN}. */
    public static List<String> names() {
        return java.util.stream.Stream.concat(KNOWN.stream().map(Known::name), java.util.stream.Stream.of(OTHER, UNKNOWN))
                .distinct().toList();
    }

    private static Long subscribers(String userAgent) {
        Matcher count = COUNT.matcher(userAgent);
        if (!count.find()) {
            return null;
        }
        long n = Long.parseLong(count.group(1));
        return n <= MAX_SUBSCRIBERS ? n : null;
    }
}
