package io.broadsheet.notify;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.TestReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batching, retries and shutdown of the poster that WebSub pings and CDN purges share. */
class RetryingPosterTest {

    private final TestReceiver receiver = new TestReceiver();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RetryingPoster.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        receiver.close();
    }

    private RetryingPoster<String> poster(Duration window, Duration firstRetry, int attempts, Duration shutdownWait) {
        return new RetryingPoster<>("Test", new RetryingPoster.Settings(window, firstRetry, attempts, shutdownWait),
                batch -> List.of(new RetryingPoster.Post(receiver.url(), "notice of " + batch,
                        HttpRequest.newBuilder(URI.create(receiver.url()))
                                .POST(HttpRequest.BodyPublishers.ofString(String.join(" ", batch))).build())));
    }

    /** This test's log lines: a request of an earlier test may still settle against its own, closed receiver. */
    private List<String> lines() {
        return List.copyOf(log.list).stream().map(e -> e.getLevel() + " " + e.getFormattedMessage())
                .filter(line -> !line.contains("http://") || line.contains(receiver.url())).toList();
    }

    /** The poster logs an outcome after the receiver answered: a test waits for the line. */
    private void awaitLine(String part) {
        Eventually.until("a log line with '" + part + "': " + lines(), () -> lines().stream().anyMatch(l -> l.contains(part)));
    }

    @Test
    void itemsSubmittedWithinTheWindowAreSentOnceInOneRequest() throws InterruptedException {
        // a window far longer than two calls in a row take on a busy machine
        RetryingPoster<String> poster = poster(Duration.ofSeconds(2), Duration.ofMillis(50), 6, Duration.ofSeconds(3));
        poster.submit(List.of("a", "b"));
        poster.submit(List.of("b", "c"));
        List<TestReceiver.Request> requests = receiver.awaitQuiet(1);
        assertEquals(List.of("a b c"), requests.stream().map(TestReceiver.Request::body).toList());
        awaitLine("accepted");
        assertTrue(lines().contains("INFO Test: " + receiver.url() + " accepted notice of [a, b, c] (200)"), "log: " + lines());
        poster.close();
    }

    @Test
    void aRefusedRequestIsRetriedWithDoublingWaitsUntilAccepted() throws InterruptedException {
        receiver.refuseNext(2, 500);
        RetryingPoster<String> poster = poster(Duration.ofMillis(10), Duration.ofMillis(50), 6, Duration.ofSeconds(3));
        poster.submit(List.of("a"));
        assertEquals(1, receiver.awaitQuiet(1).size());
        assertEquals(2, receiver.refused());
        awaitLine("accepted");
        assertEquals(List.of(
                "WARN Test: " + receiver.url() + " refused notice of [a] (status 500); attempt 1 of 6, retrying in 50 ms",
                "WARN Test: " + receiver.url() + " refused notice of [a] (status 500); attempt 2 of 6, retrying in 100 ms",
                "INFO Test: " + receiver.url() + " accepted notice of [a] (200)"), lines());
        poster.close();
    }

    @Test
    void aRequestRefusedEveryTimeIsGivenUpAfterItsLastAttempt() throws InterruptedException {
        receiver.refuseNext(10, 503);
        RetryingPoster<String> poster = poster(Duration.ofMillis(10), Duration.ofMillis(20), 3, Duration.ofSeconds(3));
        poster.submit(List.of("a"));
        awaitLine("gave up");
        assertEquals(3, receiver.refused());
        assertEquals("ERROR Test: " + receiver.url() + " refused notice of [a] (status 503); gave up after 3 attempts",
                lines().get(lines().size() - 1));
        poster.close();
    }

    @Test
    void shutdownSendsWhatWaitsInTheWindowOnceAndAtOnce() {
        RetryingPoster<String> poster = poster(Duration.ofMinutes(1), Duration.ofMillis(50), 6, Duration.ofSeconds(20));
        poster.submit(List.of("a", "b"));
        long start = System.nanoTime();
        poster.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("a b"), receiver.accepted().stream().map(TestReceiver.Request::body).toList());
        assertTrue(millis < 30_000, "close did not wait for the minute's window: it took " + millis + " ms");
        assertEquals(List.of("INFO Test: " + receiver.url() + " accepted notice of [a, b] (200)"), lines());
        assertTrue(log.list.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
    }

    @Test
    void shutdownGivesUpTheRetriesStillWaitingWithOneWarningLine() throws InterruptedException {
        receiver.refuseNext(1, 500);
        RetryingPoster<String> poster = poster(Duration.ofMillis(10), Duration.ofMinutes(1), 6, Duration.ofSeconds(3));
        poster.submit(List.of("a"));
        awaitLine("retrying in");
        long start = System.nanoTime();
        poster.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 30_000, "close did not wait for the minute's retry: it took " + millis + " ms");
        assertEquals(List.of(), receiver.accepted());
        assertEquals("WARN Test: shutting down: gave up 1 retry still waiting", lines().get(lines().size() - 1));
        assertEquals(2, lines().size(), "log: " + lines());
        assertTrue(log.list.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
    }

    @Test
    void shutdownWaitsForAnswersNoLongerThanItsBound() {
        receiver.hold();
        RetryingPoster<String> poster = poster(Duration.ofMinutes(1), Duration.ofMillis(50), 6, Duration.ofMillis(500));
        poster.submit(List.of("a"));
        long start = System.nanoTime();
        poster.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the receiver holds the request until it is closed: close returns at all only by giving up on it
        assertTrue(millis >= 450 && millis < 30_000, "close took " + millis + " ms, expected 500 ms and then some");
        assertEquals(List.of("WARN Test: shutting down: 1 request still unanswered after 500 ms, not waited for"), lines());
        assertTrue(log.list.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
    }

    @Test
    void whatArrivesAfterShutdownIsSentOnceWithoutRetries() throws InterruptedException {
        RetryingPoster<String> poster = poster(Duration.ofMinutes(1), Duration.ofMillis(50), 6, Duration.ofSeconds(3));
        poster.close();
        receiver.refuseNext(1, 500);
        poster.submit(List.of("late"));
        awaitLine("not retried");
        assertEquals(List.of("WARN Test: " + receiver.url()
                + " refused notice of [late] (status 500); attempt 1 of 6, not retried: shutting down"), lines());
        assertEquals(1, receiver.refused());
    }
}
