package io.broadsheet.browser;

import io.broadsheet.testing.HttpTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Base of the tests that look at Broadsheet in a real Chromium. The server listens on a port chosen up front and
 * {@code site.base-url} names it, so every link, stylesheet and feed URL the pages and feeds carry leads back to this
 * server, as it does for a reader. The sample articles are loaded.
 */
public abstract class BrowserTest extends HttpTest {

    /** A laptop's window: what the screenshots in the README show. */
    protected static final int WIDTH = 1280;
    protected static final int HEIGHT = 1000;

    protected final int port = freePort();
    protected Chromium chromium;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("broadsheet.site.base-url", base());
        properties.put("broadsheet.sample-data", "true");
        return properties;
    }

    /** The server's base URL, without a trailing slash. */
    protected String base() {
        return "http://localhost:" + port;
    }

    @BeforeAll
    void startChromium() {
        chromium = Chromium.start(WIDTH, HEIGHT);
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
