package io.broadsheet.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A running service on a database of its own, for tests that need two installations or a fresh one per test. */
public final class Installation implements AutoCloseable {

    private final EmbeddedServer server;
    private final Http http;

    private Installation(Map<String, Object> properties) {
        this.server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        this.http = new Http(server.getURI());
    }

    /** On a fresh database of the suite's kind (H2, or PostgreSQL in the PostgreSQL run). */
    public static Installation fresh(String name, Object... extraProperties) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties(name));
        for (int i = 0; i < extraProperties.length; i += 2) {
            properties.put((String) extraProperties[i], extraProperties[i + 1]);
        }
        return new Installation(properties);
    }

    /** On a fresh H2 file database, whatever the suite's kind. */
    public static Installation onH2(String name) {
        String dir = "target/test-data/" + name + "-" + UUID.randomUUID();
        return new Installation(Map.of("broadsheet.data-dir", dir, "datasources.default.url", TestDatabase.migratedH2Url(dir)));
    }

    /** On a fresh PostgreSQL database, whatever the suite's kind. */
    public static Installation onPostgres(String name) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.migratedPostgres(name));
        properties.put("broadsheet.data-dir", "target/test-data/" + name + "-" + UUID.randomUUID());
        return new Installation(properties);
    }

    public Http http() {
        return http;
    }

    /** GET /api/articles/export, asserted to answer 200. */
    public String export() {
        Http.Answer answer = http.getAsAdmin("/api/articles/export");
        if (answer.status() != 200) {
            throw new AssertionError("export answered " + answer);
        }
        return answer.body();
    }

    /** POST /api/articles/import?preserve-ids=true. */
    public Http.Answer importKeepingIds(String ndjson) {
        return http.send(http.admin("/api/articles/import?preserve-ids=true")
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    @Override
    public void close() {
        server.close();
    }
}
