package io.broadsheet.article;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One image of an article, in article order ({@code ordinal} 0 is the lead image).
 *
 * @param copyright      plain text, such as "© AFP 2022"
 * @param license        the URL of the license the picture is published under
 * @param renditionLines the other sizes of the picture as {@link Rendition#encode} writes them; null when none
 */
@MappedEntity("article_image")
public record ArticleImage(
        @Id @GeneratedValue @Nullable Long id,
        long articleId,
        int ordinal,
        String url,
        @Nullable String mimeType,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable @MappedProperty("file_size") Long length,
        @Nullable String caption,
        @Nullable String credit,
        @Nullable String alt,
        @Nullable String copyright,
        @Nullable String license,
        @Nullable @MappedProperty("renditions") String renditionLines) {

    /** The other sizes of the picture, in the order they were sent. */
    public List<Rendition> renditions() {
        return Rendition.decode(renditionLines);
    }

    /**
     * Another size of the same picture; only the URL is known for sure.
     *
     * @param width    pixels, or null
     * @param height   pixels, or null
     * @param mimeType an image/* type, or null
     */
    public record Rendition(String url, Integer width, Integer height, String mimeType) {

        private static final String UNKNOWN = "-";

        /**
         * One line per rendition, {@code width TAB height TAB mimeType TAB url}, "-" for an unknown value; null for
         * none. A validated URL holds no tab or line break, and a media type is never "-".
         */
        public static String encode(List<Rendition> renditions) {
            if (renditions == null || renditions.isEmpty()) {
                return null;
            }
            return renditions.stream().map(r -> known(r.width()) + "\t" + known(r.height()) + "\t" + known(r.mimeType())
                    + "\t" + r.url()).collect(Collectors.joining("\n"));
        }

        /**
         * What {@link #encode} wrote; empty for null. A line it could not have written is left out, as feeds drop
         * what they cannot carry rather than fail on a value that reached the database by another path.
         */
        public static List<Rendition> decode(String lines) {
            if (lines == null || lines.isEmpty()) {
                return List.of();
            }
            List<Rendition> out = new ArrayList<>();
            for (String line : lines.split("\n")) {
                String[] parts = line.split("\t", 4);
                if (parts.length == 4 && !parts[3].isEmpty()) {
                    out.add(new Rendition(parts[3], number(parts[0]), number(parts[1]),
                            UNKNOWN.equals(parts[2]) ? null : parts[2]));
                }
            }
            return List.copyOf(out);
        }

        private static String known(Object value) {
            return value == null ? UNKNOWN : value.toString();
        }

        private static Integer number(String value) {
            if (!value.matches("\\d{1,10}")) {
                return null;
            }
            long n = Long.parseLong(value);
            return n <= Integer.MAX_VALUE ? (int) n : null;
        }
    }
}
