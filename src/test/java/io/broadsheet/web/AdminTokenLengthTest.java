package io.broadsheet.web;

import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin token short enough to guess stops the service before it serves; the one it generates is long enough. */
@Tag("database")
class AdminTokenLengthTest {

    private static Map<String, Object> properties(String name, String token) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties(name));
        properties.put("broadsheet.admin-token", token);
        return properties;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aTokenOfThirtyOneCharactersStopsTheStartWithWhatToDo() {
        String token = "a".repeat(AdminToken.MIN_LENGTH - 1);
        Throwable failure = assertThrows(Exception.class, () ->
                ApplicationContext.run(EmbeddedServer.class, properties("AdminTokenLengthTest-short", token), "test").close());
        String expected = "BROADSHEET_ADMIN_TOKEN (broadsheet.admin-token) has 31 characters; it needs at least 32";
        String messages = messages(failure);
        assertTrue(messages.contains(expected), "expected '" + expected + "' in " + messages);
        assertFalse(messages.contains(token), "the message never shows the token: " + messages);
    }

    @Test
    void theGeneratedTokenIsLongEnoughAndTheServiceStartsWithIt() throws Exception {
        Map<String, Object> properties = properties("AdminTokenLengthTest-generated", "");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            assertTrue(server.isRunning());
        }
        String generated = Files.readString(Path.of((String) properties.get("broadsheet.data-dir"), AdminToken.FILE_NAME)).strip();
        assertEquals(64, generated.length(), "256 random bits in hex");
    }
}
