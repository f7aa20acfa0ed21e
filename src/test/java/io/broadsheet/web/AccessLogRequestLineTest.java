package io.broadsheet.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The access log's request line hides partner keys sent in the query, however they are written. */
class AccessLogRequestLineTest {

    private static String redact(String uri) {
        return AccessLogRequestLine.redact(uri, "key");
    }

    @Test
    void aKeyInTheQueryIsHiddenAndTheRestKept() {
        assertEquals("/feeds/wire.rss?key=(hidden)&page=2", redact("/feeds/wire.rss?key=bsk_secret&page=2"));
        assertEquals("/feeds/wire.rss?page=2&key=(hidden)", redact("/feeds/wire.rss?page=2&key=bsk_secret"));
    }

    @Test
    void everyKeyIsHiddenWhateverItsSeparatorOrEncoding() {
        assertEquals("/f.rss?key=(hidden);k%65y=(hidden)&key=(hidden)",
                redact("/f.rss?key=a;k%65y=b&key=c"));
    }

    @Test
    void aRequestWithoutAKeyIsLoggedAsItCame() {
        assertEquals("/feeds/world.rss", redact("/feeds/world.rss"));
        assertEquals("/feeds/world.rss?page=2&keyword=x", redact("/feeds/world.rss?page=2&keyword=x"));
        assertEquals("/feeds/world.rss?", redact("/feeds/world.rss?"));
    }

    @Test
    void onlyTheParameterisedRequestLineIsOurs() {
        AccessLogRequestLine builder = new AccessLogRequestLine();
        assertNull(builder.build("r", null), "a plain %r stays the framework's");
        assertNull(builder.build("s", "key"));
        assertEquals("%{key}r", builder.build("r", "key").toString());
    }
}
