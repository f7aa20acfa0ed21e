package io.broadsheet.fediverse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The service's version, as the build wrote it into the API description ({@code info.version} of
 * {@code META-INF/swagger/broadsheet.yml}, from the pom): what NodeInfo names and every request sent to the fediverse
 * carries in its User-Agent.
 */
final class SoftwareVersion {

    static final String VALUE = read();

    private SoftwareVersion() {
    }

    private static String read() {
        try (InputStream in = SoftwareVersion.class.getClassLoader().getResourceAsStream("META-INF/swagger/broadsheet.yml")) {
            if (in == null) {
                return "unknown";
            }
            String yaml = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            int info = yaml.indexOf("\ninfo:");
            int at = info < 0 ? -1 : yaml.indexOf("\n  version: ", info);
            return at < 0 ? "unknown" : yaml.substring(at + "\n  version: ".length(), yaml.indexOf('\n', at + 1)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
