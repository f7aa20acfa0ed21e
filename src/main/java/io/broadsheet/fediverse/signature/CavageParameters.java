package io.broadsheet.fediverse.signature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a draft-cavage {@code Signature} field: {@code name="quoted value"} or {@code name=123}, separated
 * by commas with optional whitespace. One pass, no regular expression; a repeated parameter is refused.
 * Spec: https://datatracker.ietf.org/doc/html/draft-cavage-http-signatures-12#section-4.1
 */
final class CavageParameters {

    private static final int MAX_PARAMETERS = 16;

    private final String text;
    private int at;

    private CavageParameters(String text) {
        this.text = text;
    }

    /** The parameters by name, as written (names are case-sensitive, as the draft's are). */
    static Map<String, String> parse(String text) throws SignatureException {
        if (text.length() > Limits.MAX_FIELD_CHARS) {
            throw new SignatureException("the Signature field is longer than " + Limits.MAX_FIELD_CHARS + " characters");
        }
        return new CavageParameters(text).parameters();
    }

    private Map<String, String> parameters() throws SignatureException {
        Map<String, String> params = new LinkedHashMap<>();
        skipWhitespace();
        if (at == text.length()) {
            throw new SignatureException("the Signature field is empty");
        }
        while (true) {
            String name = name();
            if (peek() != '=') {
                throw error("has no '=' after " + name);
            }
            at++;
            String value = peek() == '"' ? quoted() : bare();
            if (params.put(name, value) != null) {
                throw error("repeats the parameter " + name);
            }
            if (params.size() > MAX_PARAMETERS) {
                throw error("has more than " + MAX_PARAMETERS + " parameters");
            }
            skipWhitespace();
            if (at == text.length()) {
                return params;
            }
            if (peek() != ',') {
                throw error("has " + describe() + " where ',' belongs");
            }
            at++;
            skipWhitespace();
        }
    }

    private String name() throws SignatureException {
        int start = at;
        while (at < text.length() && isNameChar(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw error("has " + describe() + " where a parameter name belongs");
        }
        return text.substring(start, at);
    }

    private String quoted() throws SignatureException {
        int start = ++at;
        while (at < text.length() && text.charAt(at) != '"') {
            char c = text.charAt(at);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                throw error("has " + describe() + " inside a quoted value");
            }
            at++;
        }
        if (at == text.length()) {
            throw error("has a quoted value without its closing quote");
        }
        return text.substring(start, at++);
    }

    private String bare() throws SignatureException {
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) && text.charAt(at) < 0x80 || text.charAt(at) == '.')) {
            at++;
        }
        if (start == at) {
            throw error("has " + describe() + " where a quoted value or a number belongs");
        }
        return text.substring(start, at);
    }

    private void skipWhitespace() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private String describe() {
        if (at >= text.length()) {
            return "the end";
        }
        char c = text.charAt(at);
        return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }

    private SignatureException error(String problem) {
        return new SignatureException("the Signature field " + problem + " (at character " + (at + 1) + ")");
    }
}
