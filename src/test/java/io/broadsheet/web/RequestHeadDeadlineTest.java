package io.broadsheet.web;

import io.broadsheet.testing.Http;
import io.broadsheet.testing.HttpTest;
import io.broadsheet.testing.RawHttp;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request's line and header fields must arrive within 2 s here (10 s by default): a head trickled a line at a
 * time is answered 408 and its connection closed; a slow body, and a connection idle between requests, are not.
 */
@MicronautTest(transactional = false)
class RequestHeadDeadlineTest extends HttpTest {

    /** How long a test trickles at most before it calls the connection kept open: far past the 2 s deadline. */
    private static final int TRICKLE_BOUND_MILLIS = 20_000;
    private static final int STEP_MILLIS = 250;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.freshProperties(getClass().getSimpleName()));
        properties.put("broadsheet.request-head-timeout", "2s");
        return properties;
    }

    /** Writes {@code piece} every step until the server answers or closes; what it answered, "" for nothing. */
    private static String trickleUntilAnswered(Socket socket, String first, String piece) throws IOException,
            InterruptedException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(first.getBytes(StandardCharsets.US_ASCII));
        for (int waited = 0; waited < TRICKLE_BOUND_MILLIS && in.available() == 0; waited += STEP_MILLIS) {
            Thread.sleep(STEP_MILLIS);
            try {
                out.write(piece.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                break;
            }
        }
        socket.setSoTimeout(TRICKLE_BOUND_MILLIS);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            in.transferTo(answer);
        } catch (IOException reset) {
            // a reset after the answer (the trickle wrote on into the closed connection) ends the reading too
        }
        return answer.toString(StandardCharsets.US_ASCII);
    }

    private static void assertTimedOut(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 408 "), "expected a 408 and the end of the connection, got: " + answer);
        assertTrue(answer.contains("Content-Type: application/problem+json"), answer);
        assertTrue(answer.lines().anyMatch(line -> line.startsWith("Date: ")
                && io.broadsheet.http.HttpDates.isFixdate(line.substring(6))), "an IMF-fixdate Date in " + answer);
        assertTrue(answer.contains("\"detail\":\"The request line and header fields must arrive within 2 s"), answer);
    }

    @Test
    void aHeadTrickledALineAtATimeIsAnswered408AndItsConnectionClosed() throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            String answer = trickleUntilAnswered(socket, "GET /health/liveness HTTP/1.1\r\nHost: test\r\n", "X-Slow: 1\r\n");
            assertTimedOut(answer);
        }
    }

    @Test
    void theSecondRequestOfAKeepAliveConnectionIsHeldToTheDeadlineToo() throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.getOutputStream().write("GET /health/liveness HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String first = readHead(socket.getInputStream());
            assertTrue(first.startsWith("HTTP/1.1 200 "), "the first request: " + first);
            skipBody(socket.getInputStream(), first);
            String answer = trickleUntilAnswered(socket, "G", "E");
            assertTimedOut(answer);
        }
    }

    @Test
    void aConnectionIdleBetweenRequestsAndASlowBodyAreNotCutOff() throws Exception {
        try (RawHttp raw = new RawHttp(server.getURI())) {
            assertEquals(200, raw.send(RawHttp.request("GET", "/health/liveness")).read(false).status());
            Thread.sleep(3_000); // past the deadline, idle: the idle timeout's business
            String body = "{\"title\": \"slow\"}";
            raw.send("POST /api/articles HTTP/1.1\nHost: test\nAuthorization: Bearer " + Http.ADMIN_TOKEN
                    + "\nContent-Type: application/json\nContent-Length: " + body.length() + "\n\n");
            for (char c : body.toCharArray()) {
                Thread.sleep(200); // the whole body takes past the deadline
                raw.send(String.valueOf(c));
            }
            RawHttp.Answer answer = raw.read(false);
            assertEquals(400, answer.status(), "a validation problem, not a timeout: " + answer.statusLine()
                    + " " + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }
}
