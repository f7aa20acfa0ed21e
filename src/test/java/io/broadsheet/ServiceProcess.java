package io.broadsheet;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar running as a child process, as an operator starts it: configured by environment variables, its
 * output in a log file. Integration tests ({@code *IT}) talk to it over real HTTP.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Http http;

    private ServiceProcess(Process process, Path log, Http http) {
        this.process = process;
        this.log = log;
        this.http = http;
    }

    /**
     * Starts the jar with a data folder under {@code workDir}, the admin token of the tests, no sample data, and
     * {@code env} on top; returns once {@code /health} answers 200.
     */
    public static ServiceProcess start(Path workDir, String name, Map<String, String> env)
            throws IOException, InterruptedException {
        int port = freePort();
        String jar = System.getProperty("broadsheet.jar", "target/broadsheet-0.1.0.jar");
        Path log = workDir.resolve(name + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("BROADSHEET_PORT", Integer.toString(port));
        environment.put("BROADSHEET_DATA_DIR", workDir.resolve(name + "-data").toString());
        environment.put("BROADSHEET_ADMIN_TOKEN", Http.ADMIN_TOKEN);
        environment.put("BROADSHEET_SAMPLE_DATA", "false");
        environment.put("BROADSHEET_CONFIG_DIR", "feeds-config");
        environment.putAll(env);
        Process process = builder.start();
        Http http = new Http(URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " died at start-up:\n" + Files.readString(log));
            }
            try {
                if (http.get("/health").status() == 200) {
                    return new ServiceProcess(process, log, http);
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError(name + " did not start within 60 s:\n" + Files.readString(log));
    }

    public Http http() {
        return http;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service outlived kill -9 by 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
