package io.broadsheet.web;

import io.broadsheet.partner.PartnerKeys;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.server.netty.handler.accesslog.element.ConnectionMetadata;
import io.micronaut.http.server.netty.handler.accesslog.element.LogElement;
import io.micronaut.http.server.netty.handler.accesslog.element.LogElementBuilder;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code %{name}r} in the access log format: the request line with the value of every query parameter
 * {@code name} hidden (in any case, however encoded), every partner-key-shaped text hidden wherever it stands
 * ({@link PartnerKeys#SHAPED}), and every character that could forge or garble a log line escaped (quotes,
 * backslashes, controls, and anything outside printable ASCII: line separators, bidi overrides). Partner keys and the
 * admin token sent as {@code Authorization} headers are not logged at all. Loaded by the framework as a service
 * (META-INF/services); a plain {@code %r} stays the framework's own.
 */
public final class AccessLogRequestLine implements LogElementBuilder {

    static final String HIDDEN = "(hidden)";
    private static final String TOKEN = "r";

    /** Before the framework's builder of {@code %r}, which ignores the parameter. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public LogElement build(String token, String param) {
        return TOKEN.equals(token) && param != null && !param.isBlank() ? new Element(param) : null;
    }

    /** The request line as logged: secrets hidden, then escaped. */
    static String logged(String method, String uri, String protocol, String parameter) {
        String line = method + ' ' + PartnerKeys.SHAPED.matcher(redact(uri, parameter)).replaceAll(HIDDEN) + ' '
                + protocol;
        return escape(line);
    }

    /** {@code uri} with the value of each {@code parameter} (in any case) in its query replaced, however encoded. */
    static String redact(String uri, String parameter) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, query + 1);
        int start = query + 1;
        while (start <= uri.length()) {
            int end = nextSeparator(uri, start);
            String pair = uri.substring(start, end);
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            out.append(decodes(name, parameter) ? name + "=" + HIDDEN : pair);
            if (end < uri.length()) {
                out.append(uri.charAt(end));
            }
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * {@code line} as printable ASCII that cannot end the quoted field or the line: {@code "} and {@code \} get a
     * backslash, any other character outside 0x20-0x7E is written {@code \xHH} (or {@code \\uHHHH} above 0xFF).
     */
    static String escape(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
            if (plain && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(line.length() + 16).append(line, 0, i);
            }
            if (plain) {
                out.append(c);
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            }
        }
        return out == null ? line : out.toString();
    }

    /** The query separators the server's own decoder accepts: '&' and ';'. */
    private static int nextSeparator(String uri, int from) {
        for (int i = from; i < uri.length(); i++) {
            if (uri.charAt(i) == '&' || uri.charAt(i) == ';') {
                return i;
            }
        }
        return uri.length();
    }

    private static boolean decodes(String name, String parameter) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8).strip().equalsIgnoreCase(parameter);
        } catch (IllegalArgumentException e) {
            return true; // a name that does not decode is hidden rather than guessed at
        }
    }

    private record Element(String parameter) implements LogElement {

        @Override
        public Set<Event> events() {
            return Event.REQUEST_HEADERS_EVENTS;
        }

        @Override
        public String onRequestHeaders(ConnectionMetadata metadata, String method, HttpHeaders headers, String uri,
                                       String protocol) {
            return logged(method, uri, protocol, parameter);
        }

        @Override
        public LogElement copy() {
            return this;
        }

        @Override
        public String toString() {
            return "%{" + parameter + "}" + TOKEN;
        }
    }
}
