package io.broadsheet.http;

/** Reading an HTTP field's list in place: the optional whitespace (RFC 9110 5.6.3) around its elements. */
public final class HeaderText {

    private HeaderText() {
    }

    /** The first index in [from, to) of {@code s} that is neither a space nor a tab, or {@code to}. */
    public static int skipSpaces(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    /** The end of [from, to) of {@code s} without its trailing spaces and tabs. */
    public static int trimEnd(String s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }
}
