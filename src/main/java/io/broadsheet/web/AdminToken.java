package io.broadsheet.web;

import io.micronaut.context.annotation.Context;
import io.broadsheet.storage.StorageSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin token every {@code /api} call must present: {@code BROADSHEET_ADMIN_TOKEN}, or else one generated
 * on first start and kept, owner-readable only, in {@code <data-dir>/admin-token}. The token is never logged; one of
 * fewer than {@link #MIN_LENGTH} characters stops the start.
 */
@Context
public class AdminToken {

    static final String FILE_NAME = "admin-token";
    /** Fewest characters a token may have; a generated one has 64 (256 random bits in hex). */
    public static final int MIN_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private final byte[] token;

    public AdminToken(AdminTokenSettings settings, StorageSettings storage) {
        String configured = settings.adminToken();
        String dataDir = storage.dataDir();
        boolean set = configured != null && !configured.isBlank();
        String value = set ? configured.strip() : fromFile(Path.of(dataDir));
        if (value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException((set ? "BROADSHEET_ADMIN_TOKEN (broadsheet.admin-token)"
                    : "The admin token in " + Path.of(dataDir).resolve(FILE_NAME).toAbsolutePath().normalize())
                    + " has " + value.length() + " characters; it needs at least " + MIN_LENGTH
                    + ", so that it cannot be guessed (for example: openssl rand -hex 32)");
        }
        this.token = value.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in constant time, so that the answer's timing tells nothing about the token. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A secret key for {@code purpose}, derived from the token (HMAC-SHA256 keyed with it): every instance with the
     * same token derives the same key, and a new token makes every key new. The token itself never leaves this class.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String fromFile(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        try {
            if (Files.isRegularFile(file)) {
                LOG.info("Admin token: read from {} (set BROADSHEET_ADMIN_TOKEN to choose one)", file);
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            LOG.info("Admin token: generated and stored in {}, readable by its owner only", file);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin token file " + file, e);
        }
    }
}
