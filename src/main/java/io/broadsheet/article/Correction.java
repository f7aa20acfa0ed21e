package io.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dated correction notice of an article: plain text appended to its body in every feed format and on its page.
 * An article keeps its notices, oldest first, in one column ({@link #encode}): one line each,
 * {@code <instant>\t<text>} with backslash, tab and line breaks escaped.
 */
public record Correction(Instant at, String text) {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /** A day as notices write it, such as "1 December 2026" (UTC). */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** The column value of these notices, or null for none. */
    public static String encode(List<Correction> corrections) {
        if (corrections.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Correction c : corrections) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(c.at()).append('\t');
            for (int i = 0; i < c.text().length(); i++) {
                char ch = c.text().charAt(i);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        return out.toString();
    }

    /** The notices a column value holds, oldest first. */
    public static List<Correction> decode(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<Correction> corrections = new ArrayList<>();
        for (String line : column.split("\n", -1)) {
            int tab = line.indexOf('\t');
            StringBuilder text = new StringBuilder();
            for (int i = tab + 1; i < line.length(); i++) {
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
            corrections.add(new Correction(Instant.parse(line.substring(0, tab)), text.toString()));
        }
        return List.copyOf(corrections);
    }
}
