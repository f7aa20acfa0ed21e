package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ServiceProcess;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BROADSHEET_LOG_FORMAT=json and BROADSHEET_ACCESS_LOG=true, against the jar run as a child process. */
class LogFormatIT {

    private static final String ACCESS_LOGGER = "HTTP_ACCESS_LOGGER";

    @TempDir
    Path dir;

    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void jsonFormatWritesOneObjectPerLineAndTheAccessLogOneLinePerRequest() throws Exception {
        service = new ServiceProcess(dir, Map.of("BROADSHEET_LOG_FORMAT", "json", "BROADSHEET_ACCESS_LOG", "true"));
        Http http = service.start();
        assertEquals(200, http.get("/feeds/all.rss").status());
        assertEquals(404, http.get("/feeds/partner-wire.rss?key=bsk_not-a-real-key&page=1").status());
        service.terminate(Duration.ofSeconds(60));

        List<String> lines = service.output().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() > 3, "too few lines: " + lines);
        List<JsonNode> events = lines.stream().map(FeedParsers::jsonTree).toList();
        for (JsonNode event : events) {
            assertTrue(event.isObject(), "not a JSON object: " + event);
            for (String field : List.of("timestamp", "level", "loggerName", "formattedMessage")) {
                assertTrue(event.get(field) != null, field + " missing: " + event);
            }
        }
        List<String> access = events.stream()
                .filter(e -> ACCESS_LOGGER.equals(e.get("loggerName").getStringValue()))
                .map(e -> e.get("formattedMessage").getStringValue()).toList();
        assertTrue(access.stream().anyMatch(m -> m.contains("\"GET /feeds/all.rss HTTP/1.1\" 200 ")), access.toString());
        assertTrue(access.stream().anyMatch(m -> m.contains("\"GET /feeds/partner-wire.rss?key=(hidden)&page=1 HTTP/1.1\" 404 ")),
                access.toString());
        assertFalse(service.output().contains("bsk_not-a-real-key"), "a partner key sent as ?key= reached the log");
    }
}
