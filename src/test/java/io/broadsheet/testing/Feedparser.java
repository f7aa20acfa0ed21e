package io.broadsheet.testing;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Python's feedparser (https://github.com/kurtmckee/feedparser), the parser many feed readers and aggregators are
 * built on, run over a served document. It is not a Maven artifact: point {@code FEEDPARSER_PYTHON} at a Python 3
 * that can {@code import feedparser} (Debian's python3-feedparser, or a virtualenv with it). Without it the calling
 * test is skipped with a message.
 */
public final class Feedparser {

    /** What feedparser made of a document: whether it had to recover from a fault (bozo), and the entries. */
    public record Result(boolean bozo, String bozoException, String version, List<Entry> entries) {
    }

    /** An entry as a reader shows it: titles given as HTML are unescaped to their text. */
    public record Entry(String id, String title, String link) {
    }

    private static final String RUNNER = """
            import html, json, sys
            import feedparser
            with open(sys.argv[1], 'rb') as f:
                d = feedparser.parse(f.read())
            def text(detail, value):
                return html.unescape(value) if detail is not None and detail.get('type') == 'text/html' else value
            print(json.dumps({
                'bozo': bool(d.bozo), 'bozo_exception': str(d.get('bozo_exception', '')), 'version': d.version,
                'entries': [{'id': e.get('id'), 'title': text(e.get('title_detail'), e.get('title')),
                             'link': e.get('link')} for e in d.entries]}))
            """;

    private Feedparser() {
    }

    /** Skips the calling test, with the reason, when no Python with feedparser is named. */
    public static void assumeAvailable() {
        if (System.getenv("FEEDPARSER_PYTHON") == null) {
            String why = "feedparser is not configured: set FEEDPARSER_PYTHON to a Python 3 that can import feedparser"
                    + " (e.g. /usr/bin/python3 with Debian's python3-feedparser) to run this test";
            System.out.println("Skipped: " + why);
            Assumptions.abort(why);
        }
    }

    /** Parses one document as feedparser does. */
    public static Result parse(byte[] document) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("feedparser");
        try {
            Path runner = Files.writeString(dir.resolve("run.py"), RUNNER);
            Path file = Files.write(dir.resolve("feed.xml"), document);
            Process process = new ProcessBuilder(System.getenv("FEEDPARSER_PYTHON"), runner.toString(), file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError("feedparser failed to run:\n" + output);
            }
            JsonNode result = FeedParsers.jsonTree(output);
            List<Entry> entries = new ArrayList<>();
            for (JsonNode entry : result.get("entries").values()) {
                entries.add(new Entry(string(entry, "id"), string(entry, "title"), string(entry, "link")));
            }
            return new Result(result.get("bozo").getBooleanValue(), string(result, "bozo_exception"),
                    string(result, "version"), entries);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String string(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.getStringValue();
    }
}
