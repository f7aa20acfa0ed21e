package io.broadsheet.web;

import io.broadsheet.storage.StorageSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminTokenTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutConfiguredTokenOneIsGeneratedOwnerReadableOnlyAndKeptAcrossStarts() throws IOException {
        AdminToken first = new AdminToken(new AdminTokenSettings(null), new StorageSettings(dataDir.toString()));
        Path file = dataDir.resolve(AdminToken.FILE_NAME);
        String token = Files.readString(file).strip();
        assertEquals(64, token.length(), "256 random bits in hex");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.matches(token));
        AdminToken second = new AdminToken(new AdminTokenSettings(""), new StorageSettings(dataDir.toString()));
        assertTrue(second.matches(token), "the stored token is reused");
    }

    @Test
    void configuredTokenWinsAndNoFileIsWritten() {
        String configured = "from-env-0123456789abcdef0123456789abcdef";
        AdminToken token = new AdminToken(new AdminTokenSettings(configured), new StorageSettings(dataDir.toString()));
        assertTrue(token.matches(configured));
        assertFalse(token.matches(configured + " "));
        assertFalse(token.matches(null));
        assertFalse(Files.exists(dataDir.resolve(AdminToken.FILE_NAME)));
    }
}
