package io.broadsheet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1 over a plain socket, for what java.net.http hides: pipelined requests, HTTP/1.0, the exact header fields
 * of an answer, and whether the server closes the connection.
 */
public final class RawHttp implements AutoCloseable {

    /** One answer: status line, fields in the order sent, and the body (none for HEAD, 304, or none announced). */
    public record Answer(String statusLine, List<String[]> fields, byte[] body) {

        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        public Optional<String> header(String name) {
            return fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).map(f -> f[1]).findFirst();
        }

        public List<String> all(String name) {
            return fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).map(f -> f[1]).toList();
        }

        /** The fields as "name: value" lines, in the order and case sent, without those named in {@code except}. */
        public List<String> lines(String... except) {
            List<String> skipped = List.of(except).stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
            return fields.stream().filter(f -> !skipped.contains(f[0].toLowerCase(Locale.ROOT)))
                    .map(f -> f[0] + ": " + f[1]).toList();
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttp(URI server) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout(20_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends {@code requests} as they are, in one write: several are pipelined. */
    public RawHttp send(String requests) throws IOException {
        out.write(requests.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** A GET (or another method) with the given extra header lines, ended by an empty line. */
    public static String request(String method, String path, String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\nHost: test\n");
        for (String line : headerLines) {
            request.append(line).append('\n');
        }
        return request.append('\n').toString();
    }

    /** Reads the next answer; {@code head}: the answer to a HEAD, which has no body whatever it announces. */
    public Answer read(boolean head) throws IOException {
        String statusLine = line();
        List<String[]> fields = new ArrayList<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            fields.add(new String[]{line.substring(0, colon), line.substring(colon + 1).strip()});
        }
        Answer answer = new Answer(statusLine, fields, new byte[0]);
        int status = answer.status();
        if (head || status == 304 || status == 204) {
            return answer;
        }
        int length = answer.header("Content-Length").map(Integer::parseInt).orElse(0);
        return new Answer(statusLine, fields, in.readNBytes(length));
    }

    /** Whether the server closes the connection within the socket's timeout, once everything sent was read. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    public void timeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of an answer: " + line);
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
