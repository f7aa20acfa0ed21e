package io.broadsheet.storage;

import io.broadsheet.article.model.ArticleAuthor;
import io.broadsheet.article.model.ArticleImage;
import io.broadsheet.article.model.Correction;
import io.micronaut.core.type.Argument;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one codec of an article row's JSON columns: {@code authors}, {@code images} (with their renditions, rights,
 * captions and credits) and {@code corrections}, each a JSON array, null when empty. A stored value this codec
 * cannot read is always the same failure, a {@link DataAccessException} naming the article and the column: a
 * value that reached the database by another path is never skipped silently nor half read.
 */
@Singleton
public class ArticleChildren {

    private static final Argument<List<ArticleAuthor>> AUTHORS = Argument.listOf(ArticleAuthor.class);
    private static final Argument<List<ArticleImage>> IMAGES = Argument.listOf(ArticleImage.class);
    private static final Argument<List<StoredCorrection>> CORRECTIONS = Argument.listOf(StoredCorrection.class);

    private final JsonMapper json;

    public ArticleChildren(JsonMapper json) {
        this.json = json;
    }

    /** A correction as its column holds it: the instant as ISO-8601 text, exactly as {@link Instant#toString}. */
    @Serdeable
    record StoredCorrection(String at, String text) {
    }

    public String authors(List<ArticleAuthor> authors) {
        return write(AUTHORS, authors);
    }

    public String images(List<ArticleImage> images) {
        return write(IMAGES, images);
    }

    public String corrections(List<Correction> corrections) {
        return write(CORRECTIONS, corrections == null ? null
                : corrections.stream().map(c -> new StoredCorrection(c.at().toString(), c.text())).toList());
    }

    public List<ArticleAuthor> readAuthors(long articleId, String column) {
        return read(AUTHORS, articleId, "authors", column, a -> a.name() != null);
    }

    public List<ArticleImage> readImages(long articleId, String column) {
        return read(IMAGES, articleId, "images", column,
                i -> i.url() != null && i.renditions().stream().allMatch(r -> r != null && r.url() != null));
    }

    public List<Correction> readCorrections(long articleId, String column) {
        List<StoredCorrection> stored = read(CORRECTIONS, articleId, "corrections", column,
                c -> c.at() != null && c.text() != null);
        try {
            return stored.stream().map(c -> new Correction(Instant.parse(c.at()), c.text())).toList();
        } catch (DateTimeParseException e) {
            throw unreadable(articleId, "corrections", e);
        }
    }

    private <T> String write(Argument<List<T>> type, List<T> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(type, values);
        } catch (IOException e) {
            throw new DataAccessException("Could not write an article's children as JSON: " + e.getMessage(), e);
        }
    }

    private <T> List<T> read(Argument<List<T>> type, long articleId, String name, String column, Predicate<T> complete) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        try {
            List<T> values = json.readValue(column, type);
            if (values == null || !values.stream().allMatch(v -> v != null && complete.test(v))) {
                throw new IOException("expected a JSON array of complete objects, got " + abbreviated(column));
            }
            return List.copyOf(values);
        } catch (IOException | RuntimeException e) {
            throw unreadable(articleId, name, e);
        }
    }

    private static DataAccessException unreadable(long articleId, String name, Exception e) {
        return new DataAccessException("The " + name + " column of article " + articleId
                + " is not what Broadsheet writes there: " + e.getMessage(), e);
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
