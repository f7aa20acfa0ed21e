package io.broadsheet.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The W3C Feed Validation Service's own code (https://github.com/w3c/feedvalidator), run locally over served
 * documents. It is not a Maven artifact and is not part of this repository: point {@code FEEDVALIDATOR_HOME} at the
 * folder that holds its {@code feedvalidator} package (its {@code src}), and {@code FEEDVALIDATOR_PYTHON} at a Python 3
 * with its requirements (lxml, html5lib, rdflib; default {@code python3}). Without it the calling test is skipped
 * with a message.
 */
public final class W3cFeedValidator {

    /** What the validator reports of one document, as its online service shows it ("AA": errors and warnings). */
    public record Report(List<String> errors, List<String> warnings) {
    }

    private static final String RUNNER = """
            import sys
            sys.path.insert(0, sys.argv[1])
            import feedvalidator
            from feedvalidator import compatibility
            from feedvalidator.formatter.text_plain import Formatter
            from feedvalidator.logging import Error
            args = sys.argv[2:]
            for i in range(0, len(args), 2):
                with open(args[i], 'rb') as f:
                    try:
                        events = feedvalidator.validateStream(f, firstOccurrenceOnly=1, base=args[i + 1])['loggedEvents']
                    except feedvalidator.logging.ValidationFailure as vf:
                        events = [vf.event]
                events = compatibility.AA(events)
                print('@@document ' + args[i])
                for event, line in zip(events, Formatter(events)):
                    print(('E ' if isinstance(event, Error) else 'W ') + line.replace('\\n', ' '))
            """;

    private W3cFeedValidator() {
    }

    /** Skips the calling test, with the reason, when the validator's code is not on this machine. */
    public static void assumeAvailable() {
        String home = System.getenv("FEEDVALIDATOR_HOME");
        if (home == null || !Files.isDirectory(Path.of(home, "feedvalidator"))) {
            String why = "the W3C feed validator's code is not here: set FEEDVALIDATOR_HOME to the src folder of a"
                    + " checkout of https://github.com/w3c/feedvalidator (and FEEDVALIDATOR_PYTHON to a Python 3 with"
                    + " lxml, html5lib and rdflib) to run this test";
            System.out.println("Skipped: " + why);
            Assumptions.abort(why);
        }
    }

    /** Validates each document (bytes served at a URL) and returns a report per URL, in order. */
    public static Map<String, Report> validate(Map<String, byte[]> documentsByUrl) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("feedvalidator");
        try {
            Path runner = dir.resolve("run.py");
            Files.writeString(runner, RUNNER);
            List<String> command = new ArrayList<>(List.of(
                    System.getenv().getOrDefault("FEEDVALIDATOR_PYTHON", "python3"), runner.toString(),
                    System.getenv("FEEDVALIDATOR_HOME")));
            Map<String, String> urlByFile = new java.util.HashMap<>();
            int n = 0;
            for (Map.Entry<String, byte[]> document : documentsByUrl.entrySet()) {
                Path file = dir.resolve("feed-" + n++ + ".xml");
                Files.write(file, document.getValue());
                urlByFile.put(file.toString(), document.getKey());
                command.add(file.toString());
                command.add(document.getKey());
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("the validator failed to run:\n" + output);
            }
            Map<String, Report> reports = new java.util.LinkedHashMap<>();
            Report current = null;
            for (String line : output.lines().toList()) {
                if (line.startsWith("@@document ")) {
                    current = new Report(new ArrayList<>(), new ArrayList<>());
                    reports.put(urlByFile.get(line.substring("@@document ".length())), current);
                } else if (current != null && line.startsWith("E ")) {
                    current.errors().add(line.substring(2));
                } else if (current != null && line.startsWith("W ")) {
                    current.warnings().add(line.substring(2));
                }
            }
            if (reports.size() != documentsByUrl.size()) {
                throw new AssertionError("the validator reported on " + reports.size() + " of " + documentsByUrl.size()
                        + " documents:\n" + output);
            }
            return reports;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
