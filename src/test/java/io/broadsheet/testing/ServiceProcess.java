package io.broadsheet.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built jar run as a child process on a data folder of its own, with the admin token of {@link Http} and the
 * test feeds-config; each start writes its output to a log file of its own in that folder.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private Process process;
    private Path log;
    private Http http;

    public ServiceProcess(Path dir, Map<String, String> env) throws IOException {
        this(dir, env, List.of("-Xmx256m"));
    }

    /** With the JVM options given (a heap size) instead of -Xmx256m; -XX:+ExitOnOutOfMemoryError always. */
    public ServiceProcess(Path dir, Map<String, String> env, List<String> jvmOptions) throws IOException {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.dir = dir;
        this.port = freePort();
        this.env = new HashMap<>(env);
        Files.createDirectories(dir);
    }

    /** Starts the jar and waits until it answers; the same data folder as any earlier start. */
    public Http start() throws IOException, InterruptedException {
        String jar = System.getProperty("broadsheet.jar", "target/broadsheet-0.1.0.jar");
        log = dir.resolve("service-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of("java", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("BROADSHEET_PORT", Integer.toString(port));
        builder.environment().put("BROADSHEET_DATA_DIR", dataDir().toString());
        builder.environment().put("BROADSHEET_ADMIN_TOKEN", Http.ADMIN_TOKEN);
        builder.environment().put("BROADSHEET_SAMPLE_DATA", "false");
        builder.environment().put("BROADSHEET_CONFIG_DIR", "src/test/resources/test-feeds-config");
        // the tests stand in for a proxy on loopback: their X-Forwarded-For names the pollers
        builder.environment().put("BROADSHEET_TRUSTED_PROXIES", "127.0.0.1/32,::1/128");
        builder.environment().putAll(env);
        process = builder.start();
        http = new Http(URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the service died at start-up; see " + log);
            try {
                if (http.get("/health/readiness").status() == 200) {
                    return http;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service was not ready within 90 s; see " + log);
    }

    /** The address the service listens on: the same at every start, so it can be the site's base URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Sets an environment variable for the next start (one that names {@link #baseUrl()}, say). */
    public void putEnv(String name, String value) {
        env.put(name, value);
    }

    /** The running service, over HTTP. */
    public Http http() {
        return http;
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the service outlived kill -9 by 30 s");
        process = null;
    }

    /** SIGTERM, as an orchestrator stops a service, and the wait for the process to end. */
    public void terminate(Duration patience) throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS),
                "the service did not stop within " + patience + " of SIGTERM; see " + log);
        process = null;
    }

    /** Waits for the process to end by itself; its exit status, or empty when it still runs after {@code patience}. */
    public java.util.OptionalInt awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return java.util.OptionalInt.empty();
        }
        int status = process.exitValue();
        process = null;
        return java.util.OptionalInt.of(status);
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** The output of the last start. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public Path logFile() {
        return log;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
