package io.broadsheet.web;

import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What strangers may see of the service's insides: its health status, nothing more. */
@MicronautTest(transactional = false)
class ManagementPrivacyTest extends HttpTest {

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/liveness", "/health/readiness"})
    void healthTellsStrangersItsStatusAlone(String path) {
        Http.Answer answer = http.get(path);
        assertEquals(200, answer.status(), path + ": " + answer.body());
        JsonNode node = FeedParsers.jsonTree(answer.body());
        List<String> members = new ArrayList<>();
        node.entries().forEach(e -> members.add(e.getKey()));
        assertEquals(List.of("status"), members, path + " should answer only its status, got " + answer.body());
        assertEquals("UP", node.get("status").getStringValue());
    }

    @Test
    void healthWithAWrongTokenIsRefusedRatherThanAnsweredWithoutDetails() {
        Http.Answer answer = http.send(http.request("/health").header("Authorization", "Bearer not-the-token"));
        assertEquals(403, answer.status(), "a wrong token must not be told apart from the right one by details only: "
                + answer.body());
    }

    @Test
    void metricsNeedTheAdminToken() {
        Http.Answer anonymous = http.get("/metrics");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("Bearer realm=\"broadsheet\"", anonymous.header("WWW-Authenticate").orElse(null));
        Http.Answer slash = http.get("/metrics/");
        assertTrue(slash.status() == 401 || slash.status() == 404, "/metrics/ is no way around the token: " + slash);
        assertEquals(403, http.send(http.request("/metrics").header("Authorization", "Bearer guess")).status());
        Http.Answer admin = http.getAsAdmin("/metrics");
        assertEquals(200, admin.status());
        assertTrue(admin.body().contains("jvm_memory_used_bytes"), "the admin sees the meters, got " + admin.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/beans", "/routes", "/threaddump", "/refresh", "/info", "/loggers", "/env", "/stop",
            "/flyway", "/caches", "/prometheus"})
    void unusedManagementEndpointsDoNotExist(String path) {
        assertEquals(404, http.get(path).status(), path + " for a stranger");
        assertEquals(404, http.getAsAdmin(path).status(), path + " for the admin");
        assertEquals(404, http.send(http.admin(path).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")).status(), "POST " + path);
    }
}
