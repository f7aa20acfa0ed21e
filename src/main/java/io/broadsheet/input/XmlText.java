package io.broadsheet.input;

/**
 * Removes what XML 1.0 forbids, so that no stored text can break a feed.
 * Spec: https://www.w3.org/TR/xml/#charsets
 */
public final class XmlText {

    private XmlText() {
    }

    /** The text without C0 controls (but tab, LF, CR), U+FFFE, U+FFFF and lone surrogates; null stays null. */
    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** True when XML 1.0 allows every character of the text. */
    public static boolean isClean(String text) {
        return firstForbidden(text) < 0;
    }

    /** The index of the first character XML 1.0 forbids (a lone surrogate counts), or -1. */
    public static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
