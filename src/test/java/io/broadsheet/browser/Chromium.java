package io.broadsheet.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real Chromium, headless, driven through its chromedriver: the Debian packages {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them). Without them a browser test is skipped with a message, so
 * the test command passes on a machine with only Java. {@code CHROMIUM} and {@code CHROMEDRIVER} name other binaries.
 *
 * <p>Screenshots go to {@code target/screenshots}; with {@code -Dbroadsheet.screenshots=docs/screenshots} they
 * replace the ones the README shows.
 */
public final class Chromium implements AutoCloseable {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> CHROMEDRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private Chromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a headless Chromium with a window of this size, or skips the calling test when there is none. */
    public static Chromium start(int width, int height) {
        Optional<Path> browser = find("CHROMIUM", CHROMIUM);
        Optional<Path> chromedriver = find("CHROMEDRIVER", CHROMEDRIVER);
        if (browser.isEmpty() || chromedriver.isEmpty()) {
            String why = "no Chromium here (" + (browser.isEmpty() ? "chromium" : "chromedriver") + " not found):"
                    + " install the Debian packages chromium and chromium-driver (.ci/run does) to run the browser tests";
            System.out.println("Skipped: " + why);
            Assumptions.abort(why);
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(browser.get().toFile());
            // the new headless mode is the browser itself (the old one is another program, without XSLT)
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--hide-scrollbars", "--force-device-scale-factor=1",
                    "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the window shows as {@code <name>.png}; returns the file under {@code target/screenshots}. */
    public Path screenshot(String name) {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        try {
            Path file = save(Path.of("target", "screenshots"), name, png);
            String published = System.getProperty("broadsheet.screenshots");
            if (published != null && !published.isBlank()) {
                save(Path.of(published), name, png);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path save(Path dir, String name, byte[] png) throws IOException {
        Files.createDirectories(dir);
        return Files.write(dir.resolve(name + ".png"), png);
    }

    private static Optional<Path> find(String variable, List<String> defaults) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        return defaults.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a profile left in the temporary directory
            }
        }
    }
}
