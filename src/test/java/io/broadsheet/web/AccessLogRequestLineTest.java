package io.broadsheet.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The access log's request line hides partner keys, however they are written, and cannot forge a line. */
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
    void aKeyParameterIsHiddenInAnyCase() {
        assertEquals("/f.rss?KEY=(hidden)&Key=(hidden)&%4bey=(hidden)&%6BEY=(hidden)",
                redact("/f.rss?KEY=a&Key=b&%4bey=c&%6BEY=d"));
    }

    @Test
    void partnerKeyShapedTextIsHiddenWhereverItStands() {
        assertEquals("GET /feeds/(hidden).rss?token=(hidden)&x=(hidden) HTTP/1.1",
                AccessLogRequestLine.logged("GET", "/feeds/bsk_AbC-9_z.rss?token=BSK_q1w2e3&x=%62sk%5Fq%2Dr",
                        "HTTP/1.1", "key"));
    }

    @Test
    void quotesBackslashesControlsAndNonAsciiAreEscapedSoNoLineCanBeForged() {
        assertEquals("GET /a\\\\\\\"b\\x0D\\x0A1.2.3.4 - - \\x1B[31m HTTP/1.1",
                AccessLogRequestLine.logged("GET", "/a\\\"b\r\n1.2.3.4 - - \u001b[31m", "HTTP/1.1", "key"));
        assertEquals("/x\\u202E\\u2028\\xE2\\x80\\xAE\\x85",
                AccessLogRequestLine.escape("/x\u202e\u2028\u00e2\u0080\u00ae\u0085"));
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
