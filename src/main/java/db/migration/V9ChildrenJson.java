package db.migration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What {@link V9__Article_children_as_json} needs of the stored forms before and after it, frozen as they were at
 * version 9 so that the migration never changes with the code: the text lines of V6_1 (renditions,
 * {@code width TAB height TAB mimeType TAB url}, "-" for unknown; corrections, {@code <instant> TAB <text>} with
 * backslash escapes) read as the code of version 8 read them, and the JSON that
 * {@code io.broadsheet.storage.ArticleChildren} reads, written with the same names.
 */
final class V9ChildrenJson {

    private static final JsonFactory JSON = new JsonFactory();

    private V9ChildrenJson() {
    }

    /** A JSON array being written: one element per call of {@link #object}, then {@link #finish}. */
    static final class Array {
        private final StringWriter text = new StringWriter();
        private final JsonGenerator out;
        private int size;

        Array() {
            try {
                out = JSON.createGenerator(text);
                out.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonGenerator object() throws IOException {
            size++;
            return out;
        }

        /** The array's text, or null when it is empty (the column is then null). */
        String finish() {
            try {
                out.writeEndArray();
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return size == 0 ? null : text.toString();
        }
    }

    /** One article_author row (article_id, name, url) as an element of the authors column. */
    static void author(Array authors, ResultSet rs) throws SQLException, IOException {
        JsonGenerator out = authors.object();
        out.writeStartObject();
        out.writeStringField("name", rs.getString(2));
        string(out, "url", rs.getString(3));
        out.writeEndObject();
    }

    /**
     * One article_image row (article_id, url, mime_type, width, height, file_size, caption, credit, alt, copyright,
     * license, renditions) as an element of the images column, in ArticleImage's order of fields.
     */
    static void image(Array images, ResultSet rs) throws SQLException, IOException {
        JsonGenerator out = images.object();
        out.writeStartObject();
        out.writeStringField("url", rs.getString(2));
        string(out, "mimeType", rs.getString(3));
        number(out, "width", (Number) rs.getObject(4));
        number(out, "height", (Number) rs.getObject(5));
        number(out, "length", (Number) rs.getObject(6));
        string(out, "caption", rs.getString(7));
        string(out, "credit", rs.getString(8));
        string(out, "alt", rs.getString(9));
        string(out, "copyright", rs.getString(10));
        string(out, "license", rs.getString(11));
        renditions(out, rs.getString(12));
        out.writeEndObject();
    }

    /** Version 8's renditions column: a line it could not have written was left out, an unreadable number unknown. */
    private static void renditions(JsonGenerator out, String lines) throws IOException {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        boolean started = false;
        for (String line : lines.split("\n")) {
            String[] parts = line.split("\t", 4);
            if (parts.length != 4 || parts[3].isEmpty()) {
                continue;
            }
            if (!started) {
                out.writeArrayFieldStart("renditions");
                started = true;
            }
            out.writeStartObject();
            out.writeStringField("url", parts[3]);
            number(out, "width", renditionNumber(parts[0]));
            number(out, "height", renditionNumber(parts[1]));
            string(out, "mimeType", "-".equals(parts[2]) ? null : parts[2]);
            out.writeEndObject();
        }
        if (started) {
            out.writeEndArray();
        }
    }

    private static Integer renditionNumber(String value) {
        if (!value.matches("\\d{1,10}")) {
            return null;
        }
        long n = Long.parseLong(value);
        return n <= Integer.MAX_VALUE ? (int) n : null;
    }

    /**
     * Version 8's corrections column as the corrections column: {@code at} as {@link Instant#toString} writes it.
     * Version 8 failed on a line without a tab or an instant; such a line is left out and reported to {@code bad}.
     */
    static String corrections(String column, Runnable bad) {
        if (column == null || column.isEmpty()) {
            return null;
        }
        Array corrections = new Array();
        try {
            for (String line : column.split("\n", -1)) {
                int tab = line.indexOf('\t');
                Instant at;
                try {
                    at = tab < 0 ? null : Instant.parse(line.substring(0, tab));
                } catch (DateTimeParseException e) {
                    at = null;
                }
                if (at == null) {
                    bad.run();
                    continue;
                }
                JsonGenerator out = corrections.object();
                out.writeStartObject();
                out.writeStringField("at", at.toString());
                out.writeStringField("text", unescape(line, tab + 1));
                out.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corrections.finish();
    }

    private static String unescape(String line, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                text.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                text.append(ch);
            }
        }
        return text.toString();
    }

    private static void string(JsonGenerator out, String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator out, String name, Number value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value.longValue());
        }
    }
}
