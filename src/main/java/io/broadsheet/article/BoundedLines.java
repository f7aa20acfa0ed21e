package io.broadsheet.article;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a stream, none held past {@code max} characters: a longer line is skipped to its end and comes
 * back as {@link #TOO_LONG}, so that a body without newlines cannot fill the memory.
 */
final class BoundedLines {

    /** What {@link #next()} returns for a line over the limit (compare by identity). */
    static final String TOO_LONG = new String("line too long");

    private final Reader in;
    private final int max;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line without its line break, {@link #TOO_LONG}, or null at the end of the stream. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == length) {
                length = Math.max(0, in.read(buffer, 0, buffer.length));
                position = 0;
                if (length == 0) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = position;
            while (position < length && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong && line.length() + position - start > max) {
                tooLong = true;
                line = new StringBuilder();
            }
            if (!tooLong) {
                line.append(buffer, start, position - start);
            }
            if (position < length) {
                position++; // the line break
                break;
            }
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }
}
