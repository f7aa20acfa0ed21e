package io.broadsheet.fediverse.signature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader and writer of RFC 8941 structured fields, as far as Signature-Input, Signature and Content-Digest
 * need them: dictionaries whose members are items or inner lists, with parameters; items that are integers,
 * decimals, strings, tokens, byte sequences or booleans. One pass over the text, no regular expression, each step
 * consuming at least one character, so any input ends in linear time; a repeated dictionary key is refused rather
 * than silently replaced. Spec: https://www.rfc-editor.org/rfc/rfc8941#section-4.2
 */
final class StructuredFields {

    /** An item or an inner list ({@code value} is then a {@code List<Member>}) with its parameters, in order. */
    record Member(Object value, Map<String, Object> params) {
    }

    /** A token (RFC 8941 section 3.3.4), kept apart from a string so it is written back as it came. */
    record Token(String text) {
    }

    private final String text;
    private final String field;
    private int at;

    private StructuredFields(String text, String field) {
        this.text = text;
        this.field = field;
    }

    /** The members of a dictionary field, in order. */
    static Map<String, Member> parseDictionary(String text, String field) throws SignatureException {
        if (text.length() > Limits.MAX_FIELD_CHARS) {
            throw new SignatureException("the " + field + " field is longer than " + Limits.MAX_FIELD_CHARS + " characters");
        }
        return new StructuredFields(text, field).dictionary();
    }

    private Map<String, Member> dictionary() throws SignatureException {
        Map<String, Member> members = new LinkedHashMap<>();
        skipSpaces();
        if (at == text.length()) {
            throw error("is empty");
        }
        while (true) {
            String key = key();
            Member member;
            if (peek() == '=') {
                at++;
                member = peek() == '(' ? innerList() : item();
            } else {
                member = new Member(Boolean.TRUE, parameters());
            }
            if (members.put(key, member) != null) {
                throw error("repeats the key " + key);
            }
            skipOptionalWhitespace();
            if (at == text.length()) {
                return members;
            }
            expect(',');
            skipOptionalWhitespace();
            if (at == text.length()) {
                throw error("ends with a comma");
            }
        }
    }

    private Member innerList() throws SignatureException {
        expect('(');
        List<Member> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (peek() == ')') {
                at++;
                return new Member(items, parameters());
            }
            items.add(item());
            char next = peek();
            if (next != ' ' && next != ')') {
                throw error("has " + describe(next) + " inside an inner list where a space or ')' belongs");
            }
        }
    }

    private Member item() throws SignatureException {
        Object value = bareItem();
        return new Member(value, parameters());
    }

    private Map<String, Object> parameters() throws SignatureException {
        Map<String, Object> params = new LinkedHashMap<>();
        while (peek() == ';') {
            at++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (peek() == '=') {
                at++;
                value = bareItem();
            }
            if (params.put(key, value) != null) {
                throw error("repeats the parameter " + key);
            }
        }
        return params;
    }

    private Object bareItem() throws SignatureException {
        char c = peek();
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '?') {
            return bool();
        }
        if (c == '*' || isAlpha(c)) {
            return token();
        }
        throw error("has " + describe(c) + " where an item belongs");
    }

    private String key() throws SignatureException {
        char first = peek();
        if (first != '*' && !(first >= 'a' && first <= 'z')) {
            throw error("has " + describe(first) + " where a key belongs (lower-case letter or '*')");
        }
        int start = at;
        while (at < text.length() && isKeyChar(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private Object number() throws SignatureException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = 0;
        int fraction = -1;
        while (at < text.length() && (isDigit(text.charAt(at)) || text.charAt(at) == '.' && fraction < 0)) {
            if (text.charAt(at) == '.') {
                if (digits > 12) {
                    throw error("has a decimal with more than 12 integer digits");
                }
                fraction = 0;
            } else if (fraction >= 0) {
                fraction++;
            } else {
                digits++;
            }
            at++;
            if (digits > 15 || fraction > 3) {
                throw error("has a number longer than RFC 8941 allows");
            }
        }
        if (digits == 0 || fraction == 0) {
            throw error("has a malformed number \"" + text.substring(start, at) + "\"");
        }
        String number = text.substring(start, at);
        return fraction < 0 ? (Object) Long.parseLong(number) : new BigDecimal(number);
    }

    private String string() throws SignatureException {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char escaped = peek();
                if (escaped != '"' && escaped != '\\') {
                    throw error("has a string with the escape \\" + describe(escaped));
                }
                at++;
                out.append(escaped);
            } else if (c < 0x20 || c > 0x7e) {
                throw error("has a string with " + describe(c));
            } else {
                out.append(c);
            }
        }
        throw error("has a string without its closing quote");
    }

    private Token token() {
        int start = at;
        at++;
        while (at < text.length() && isTokenChar(text.charAt(at))) {
            at++;
        }
        return new Token(text.substring(start, at));
    }

    private byte[] byteSequence() throws SignatureException {
        expect(':');
        int end = text.indexOf(':', at);
        if (end < 0) {
            throw error("has a byte sequence without its closing ':'");
        }
        String base64 = text.substring(at, end);
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (!(isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=')) {
                throw error("has a byte sequence with " + describe(c));
            }
        }
        at = end + 1;
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw error("has a byte sequence that is not base64");
        }
    }

    private Boolean bool() throws SignatureException {
        expect('?');
        char c = peek();
        if (c != '0' && c != '1') {
            throw error("has a boolean that is neither ?0 nor ?1");
        }
        at++;
        return c == '1';
    }

    private void expect(char c) throws SignatureException {
        if (peek() != c) {
            throw error("has " + describe(peek()) + " where '" + c + "' belongs");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }

    private void skipOptionalWhitespace() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    private String describe(char c) {
        if (at >= text.length()) {
            return "the end";
        }
        return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private SignatureException error(String problem) {
        return new SignatureException("the " + field + " field " + problem + " (at character " + (at + 1) + ")");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '*';
    }

    private static boolean isTokenChar(char c) {
        return isAlpha(c) || isDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0;
    }
}
