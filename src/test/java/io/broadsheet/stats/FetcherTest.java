package io.broadsheet.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known readers as their User-Agents name them, with the subscriber counts they announce; everyone else is "other". */
class FetcherTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )|Feedly|42",
            "Mozilla/5.0 (compatible; Inoreader/1.0; https://www.inoreader.com; 7 subscribers; )|Inoreader|7",
            "NewsBlur Feed Fetcher - 5 subscribers - https://www.newsblur.com/site/123/world (Mozilla/5.0)|NewsBlur|5",
            "Feedbin feed-id:1234 - 12 subscribers|Feedbin|12",
            "Mozilla/5.0 (compatible; theoldreader.com; 3 subscribers; feed-id=abc)|The Old Reader|3",
            "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1 subscriber; )|Feedly|1",
            "NetNewsWire (RSS Reader; https://netnewswire.com/)|NetNewsWire|-",
            "newsboat/2.30 (Linux x86_64)|newsboat|-",
            "Tiny Tiny RSS/22.08 (https://tt-rss.org/)|Tiny Tiny RSS|-",
            "Miniflux/2.2.3 (https://miniflux.app)|Miniflux|-",
            "FreshRSS/1.24.0 (Linux; https://freshrss.org)|FreshRSS|-",
            "Reeder/5.0 CFNetwork/1490.0.4 Darwin/23.2.0|Reeder|-",
            "MOZILLA/5.0 (COMPATIBLE; FEEDLY/1.0; 9 SUBSCRIBERS)|Feedly|9",
            "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 10000000 subscribers; )|Feedly|10000000",
            "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 10000001 subscribers; )|Feedly|-",
            "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 999999999999 subscribers; )|Feedly|-",
            "Fake/1.0 (+x; 999999999999 subscribers)|other|-",
            "Fake/1.0 (+x; 12 subscribers)|other|-",
            "curl/8.5.0|other|-",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36|other|-",
            "' ; 99 readers'|other|-",
            "' '|unknown|-",
            "-|unknown|-"})
    void readsTheFetcherAndItsSubscribers(String userAgent, String name, Long subscribers) {
        assertEquals(new Fetcher(name, subscribers), Fetcher.of(userAgent), "User-Agent " + userAgent);
    }

    @Test
    void twoHundredThousandMadeUpUserAgentsHaveOnlyTheNamesOfTheFixedList() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            names.add(Fetcher.of("Bot" + i + "/1.0 (+https://example.com/" + i + "; " + i + " subscribers)").name());
        }
        assertEquals(Set.of("other"), names);
        assertTrue(Fetcher.names().containsAll(List.of("Feedly", "Inoreader", "other", "unknown")), Fetcher.names().toString());
    }
}
