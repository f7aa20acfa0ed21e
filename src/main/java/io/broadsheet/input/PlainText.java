package io.broadsheet.input;

/**
 * Characters plain-text fields refuse although XML allows them: they are invisible, yet change how the text around
 * them reads. Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) reorder what follows, so a title
 * or a name can display as something other than it is (CVE-2021-42574, "Trojan Source"); line and paragraph
 * separators (U+2028, U+2029) and NEL (U+0085) break a line where a reader, a log or a script expects one;
 * the other C1 controls (U+0080-U+009F) and the interlinear annotation marks (U+FFF9-U+FFFB) have no use in plain
 * text. Marks that only hint direction (U+200E, U+200F, U+061C) and joiners (U+200C, U+200D) stay: right-to-left and
 * many other scripts need them. HTML bodies are not plain text: markup gives direction with {@code dir}.
 * Spec: https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
 */
public final class PlainText {

    private PlainText() {
    }

    /** The index of the first character plain text refuses, or -1. */
    public static int firstRefused(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** What is wrong with {@code text}, whose character at {@code index} is refused: for an error message. */
    public static String describe(String text, int index) {
        char c = text.charAt(index);
        return String.format("contains U+%04X (%s) at index %d, which plain text may not carry: it is invisible and"
                + " changes how the text displays", (int) c, kind(c), index);
    }

    private static boolean refused(char c) {
        return c >= 0x80 && c <= 0x9F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029
                || c >= 0xFFF9 && c <= 0xFFFB;
    }

    private static String kind(char c) {
        if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return "a bidirectional embedding, override or isolate";
        }
        if (c == 0x2028 || c == 0x2029 || c == 0x85) {
            return "a line or paragraph separator";
        }
        return c <= 0x9F ? "a C1 control character" : "an interlinear annotation mark";
    }
}
