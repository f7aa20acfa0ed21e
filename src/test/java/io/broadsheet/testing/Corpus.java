package io.broadsheet.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The one way tests build article corpora: the sample corpus (src/test/resources/corpus-500.ndjson, written by
 * tools/corpus/generate.py) or articles generated (usually from Fixtures.article), reshaped per test and sent as NDJSON. Lines no
 * test changed are sent exactly as the file holds them.
 */
public final class Corpus {

    /** Where {@link #oneAMinute(int)} starts. */
    public static final Instant START = Instant.parse("2022-01-01T00:00:00Z");

    private static final String SAMPLE = "/corpus-500.ndjson";

    private final List<String> lines;

    private Corpus(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The 500 articles of the sample corpus, in the file's order. */
    public static Corpus sample() {
        try (InputStream in = Corpus.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("expected " + SAMPLE + " on the test class path, found nothing");
            }
            return new Corpus(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} articles, the n-th (from 0) built by {@code article} (usually Fixtures.article). */
    public static Corpus generated(int count, IntFunction<Map<String, Object>> article) {
        List<String> lines = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            lines.add(json(article.apply(n)));
        }
        return new Corpus(lines);
    }

    /** The publication time of the n-th article of a corpus published one a minute from {@link #START}. */
    public static String oneAMinute(int n) {
        return START.plusSeconds(60L * n).toString();
    }

    /** The first {@code count} articles. */
    public Corpus limit(int count) {
        return new Corpus(lines.subList(0, Math.min(count, lines.size())));
    }

    /** Each article as {@code change} returns it, given its position (from 0) and a copy it may modify. */
    public Corpus map(BiFunction<Integer, Map<String, Object>, Map<String, Object>> change) {
        List<String> changed = new ArrayList<>(lines.size());
        List<Map<String, Object>> articles = articles();
        for (int i = 0; i < articles.size(); i++) {
            changed.add(json(change.apply(i, articles.get(i))));
        }
        return new Corpus(changed);
    }

    /** The articles as mutable maps in the corpus's order, members in the order the lines have them. */
    public List<Map<String, Object>> articles() {
        List<Map<String, Object>> articles = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                articles.add(new LinkedHashMap<>(ObjectMapper.getDefault().readValue(line,
                        Argument.mapOf(String.class, Object.class))));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object: " + line, e);
            }
        }
        return articles;
    }

    /** One JSON line per article, as the import reads them. */
    public List<String> lines() {
        return lines;
    }

    /** The articles as one NDJSON body, each line ending in a line feed. */
    public String ndjson() {
        StringBuilder ndjson = new StringBuilder();
        lines.forEach(line -> ndjson.append(line).append('\n'));
        return ndjson.toString();
    }

    public int size() {
        return lines.size();
    }

    private static String json(Map<String, Object> article) {
        try {
            return ObjectMapper.getDefault().writeValueAsString(article);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
