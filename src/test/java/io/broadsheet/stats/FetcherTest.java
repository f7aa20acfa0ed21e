package io.broadsheet.stats;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Readers as their User-Agents name them, with the subscriber counts they announce. */
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
            "curl/8.5.0|curl|-",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36|Mozilla|-",
            "' ; 99 readers'|unknown|99",
            "-|unknown|-"})
    void readsTheFetcherAndItsSubscribers(String userAgent, String name, Long subscribers) {
        assertEquals(new Fetcher(name, subscribers), Fetcher.of(userAgent));
    }
}
