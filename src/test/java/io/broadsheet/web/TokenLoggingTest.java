package io.broadsheet.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin token and partner keys never reach the log, whatever the requests that carry them. */
@Tag("database")
class TokenLoggingTest {

    @Test
    void secretsNeverAppearInTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("TokenLoggingTest"));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            Http http = new Http(server.getURI());
            assertEquals(201, http.post("/api/articles", Fixtures.json(Fixtures.article("logged", "2022-03-17T09:42:00Z", "world"))).status());
            assertEquals(403, http.send(http.request("/api/articles").header("Authorization", "Bearer almost-" + Http.ADMIN_TOKEN)).status());
            String key = io.broadsheet.testing.FeedParsers.jsonTree(http.post("/api/partners",
                    Fixtures.json(Map.of("name", "p", "feeds", List.of("partner-wire")))).body()).get("key").getStringValue();
            assertEquals(200, http.get("/feeds/partner-wire.rss?key=" + key).status());
            assertEquals(404, http.get("/feeds/partner-wire.rss?key=" + key + "x").status());
            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Configuration changed since the last start")),
                    "the log was captured: " + lines);
            for (String line : lines) {
                assertFalse(line.contains(Http.ADMIN_TOKEN), "admin token in: " + line);
                assertFalse(line.contains(key.substring(4)), "partner key in: " + line);
            }
        } finally {
            root.detachAppender(appender);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }
}
