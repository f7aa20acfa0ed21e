package io.broadsheet.http;

import io.broadsheet.input.InvalidInputException;

import java.util.List;

/**
 * The {@code page} query parameter of every route that takes one (feeds, on the route and on the event loop's fast
 * path, category pages, the article API), with one grammar: absent is page 1; else it is given once, as a whole
 * number from 1 to the route's maximum, in digits only, without sign or leading zero ({@code [1-9][0-9]*}: one
 * spelling per page, so that a cache keeps one copy of it). Anything else is a 400 naming the field {@code page}. A
 * well-formed page past a listing's last one is the route's affair (a feed or a category page answers 404).
 */
public final class PageParameter {

    /** The query parameter's name, and the field a 400 names. */
    public static final String NAME = "page";
    /** The digits of the largest int: more can only overflow. */
    private static final int MAX_DIGITS = 10;
    /** Echoed values are cut to this many characters. */
    private static final int ECHOED = 20;

    private PageParameter() {
    }

    /**
     * The page that the values of every {@code page} parameter of a request ask for, in order.
     *
     * @param max the deepest page the route numbers
     * @throws InvalidInputException for a value out of the grammar or above {@code max}, or several values
     */
    public static int of(List<String> values, int max) {
        return of(values, max, "");
    }

    /**
     * As {@link #of(List, int)}, with {@code deeper} (such as "; deeper pages are reached ...") saying in the error
     * for a page above {@code max} how the route reaches deeper ones.
     */
    public static int of(List<String> values, int max, String deeper) {
        if (values.isEmpty()) {
            return 1;
        }
        if (values.size() > 1) {
            throw InvalidInputException.of(NAME, "must be given once, got " + values.size() + " values");
        }
        String value = values.get(0);
        int page = number(value, 0, value.length(), Integer.MAX_VALUE);
        if (page == 0) {
            throw InvalidInputException.of(NAME, "must be a whole number from 1 to " + max + " in digits, without"
                    + " sign or leading zero, got '" + echo(value) + "'");
        }
        if (page > max) {
            throw InvalidInputException.of(NAME, "numbered pages go up to " + max + deeper + ", got " + page);
        }
        return page;
    }

    /**
     * The page that {@code text} from {@code from} to {@code to} names, or 0 when it is not one from 1 to
     * {@code max} in the grammar; allocates nothing (the fast path's call).
     */
    public static int number(CharSequence text, int from, int to, int max) {
        int digits = to - from;
        if (digits < 1 || digits > MAX_DIGITS || text.charAt(from) == '0') {
            return 0;
        }
        long page = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            page = page * 10 + (c - '0');
        }
        return page <= max ? (int) page : 0;
    }

    private static String echo(String value) {
        return value.length() <= ECHOED ? value : value.substring(0, ECHOED) + "...";
    }
}
