package io.broadsheet.feed;

import io.broadsheet.feed.atom.AtomFeedRenderer;
import io.broadsheet.feed.json.JsonFeedRenderer;
import io.broadsheet.feed.ninjs.NinjsFeedRenderer;
import io.broadsheet.feed.rss.RssFeedRenderer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every renderer writes, byte for byte, the documents it wrote when the golden files under
 * {@code src/test/resources/golden-feeds/} were captured: namespace declarations, element and attribute order,
 * whitespace and escaping included. To capture them again on purpose, run with
 * {@code -Dbroadsheet.golden.write=true} and review the diff.
 */
class RenderedBytesTest {

    private static final Path GOLDEN_DIR = Path.of("src/test/resources/golden-feeds");

    static Stream<String> documents() {
        List<String> names = new ArrayList<>();
        for (String feed : GoldenFeeds.NAMES) {
            for (FeedFormat format : FeedFormat.values()) {
                names.add(feed + "." + format.extension());
            }
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyDocumentIsByteForByteWhatItWasWhenCaptured(String document) throws IOException {
        String feed = document.substring(0, document.lastIndexOf('.'));
        FeedFormat format = FeedFormat.ofExtension(document.substring(document.lastIndexOf('.') + 1)).orElseThrow();
        byte[] rendered = renderer(format).render(GoldenFeeds.named(feed));
        if (Boolean.getBoolean("broadsheet.golden.write")) {
            Files.createDirectories(GOLDEN_DIR);
            Files.write(GOLDEN_DIR.resolve(document), rendered);
            return;
        }
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/golden-feeds/" + document)) {
            assertNotNull(in, "no golden file for " + document);
            golden = in.readAllBytes();
        }
        int at = firstDifference(golden, rendered);
        if (at >= 0) {
            fail(document + " differs from its golden file at byte " + at + " of " + golden.length + "\nexpected: …"
                    + around(golden, at) + "…\nactual:   …" + around(rendered, at) + "…");
        }
    }

    private static FeedRenderer renderer(FeedFormat format) {
        return switch (format) {
            case RSS -> new RssFeedRenderer();
            case ATOM -> new AtomFeedRenderer();
            case JSON -> new JsonFeedRenderer(ObjectMapper.getDefault());
            case NINJS -> new NinjsFeedRenderer(ObjectMapper.getDefault());
        };
    }

    /** The first index at which the two differ, or -1 when they are equal. */
    private static int firstDifference(byte[] expected, byte[] actual) {
        int length = Math.min(expected.length, actual.length);
        for (int i = 0; i < length; i++) {
            if (expected[i] != actual[i]) {
                return i;
            }
        }
        return expected.length == actual.length ? -1 : length;
    }

    private static String around(byte[] bytes, int at) {
        int from = Math.max(0, at - 120);
        int to = Math.min(bytes.length, at + 120);
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
