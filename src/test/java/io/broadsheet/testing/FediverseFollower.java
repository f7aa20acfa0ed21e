package io.broadsheet.testing;

import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follower built on Fedify ({@code src/it/fediverse/follower.mjs}) run by Node as a child process on a free port
 * of loopback, and its control API: follow a handle, read what its inbox accepted (each activity's HTTP Signature
 * verified by Fedify) and every POST it was sent, make its inbox fail for a while.
 */
public final class FediverseFollower implements AutoCloseable {

    /** The address of the Public collection, as ActivityStreams spells it and Fedify gives it back. */
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private static final Pattern LISTENING = Pattern.compile("listening on (\\d+)");
    private static final Duration START_PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final String baseUrl;
    private final Http http;

    private FediverseFollower(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.http = new Http(URI.create(baseUrl));
    }

    /** One activity the follower's inbox listeners accepted, as Fedify read it. */
    public record Received(String kind, String type, String id, String actor, List<String> to, List<String> cc,
                           String objectId, String objectType, String objectProblem, String content, String url,
                           String published, String updated, String attributedTo, List<String> objectTo,
                           List<String> objectCc, String summary, List<Attachment> attachments, boolean verified) {
    }

    /** One attachment of the received object. */
    public record Attachment(String type, String url, String mediaType, Integer width, Integer height, String name) {
    }

    /**
     * One POST to an inbox: the activity's id and type, the status answered, and for an accepted one the key Fedify
     * verified its signature with and whether that key belongs to the activity's actor.
     */
    public record InboxPost(String path, String id, String type, int status, boolean signed, String keyId,
                            boolean signerMatchesActor) {

        public boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** The follower's folder: FEDIVERSE_FOLLOWER_DIR (set by .ci/run), else src/it/fediverse. */
    public static Path directory() {
        String named = System.getenv("FEDIVERSE_FOLLOWER_DIR");
        return Path.of(named != null && !named.isBlank() ? named : "src/it/fediverse").toAbsolutePath();
    }

    /** Skips the calling test, with the reason, when Node 20+ or the follower's npm packages are missing. */
    public static void assumeAvailable() {
        String missing = missing();
        if (missing != null) {
            String why = "the Fedify follower cannot run: " + missing + ". Install Node 20 or later and run"
                    + " `npm ci` in src/it/fediverse (.ci/run does both) to run this test";
            System.out.println("Skipped: " + why);
            Assumptions.abort(why);
        }
    }

    private static String missing() {
        if (!Files.isDirectory(directory().resolve("node_modules/@fedify/fedify"))) {
            return "no " + directory().resolve("node_modules/@fedify/fedify");
        }
        try {
            Process node = new ProcessBuilder("node", "-p", "process.versions.node").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
                return "`node -p process.versions.node` failed: " + version;
            }
            int major = Integer.parseInt(version.split("\\.")[0]);
            return major >= 20 ? null : "Node " + version + " is older than 20";
        } catch (IOException | NumberFormatException e) {
            return "no usable `node` on the PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking node for its version";
        }
    }

    /** Starts the follower, its output in {@code logDir}, and waits until it listens. */
    public static FediverseFollower start(Path logDir) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve("follower-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder("node", "follower.mjs", "0")
                .directory(directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                return new FediverseFollower(process, log, Integer.parseInt(listening.group(1)));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the follower died at start-up:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the follower did not listen within " + START_PATIENCE.toSeconds() + " s; see " + log);
    }

    /**
     * Follows a handle ({@code @world@127.0.0.1:8080}) through Fedify: WebFinger, the actor, a signed Follow.
     *
     * @return the follow's answer: {@code subject}, {@code actor}, {@code inbox}, {@code follow} (the Follow's id)
     */
    public Map<String, String> follow(String handle) {
        JsonNode answer = control("/control/follow", Map.of("handle", handle));
        return Map.of("subject", text(answer, "subject"), "actor", text(answer, "actor"),
                "inbox", text(answer, "inbox"), "follow", text(answer, "follow"));
    }

    /** Sends an Undo of every Follow sent. */
    public void unfollow() {
        control("/control/unfollow", Map.of());
    }

    /** The inboxes answer the next {@code count} POSTs with {@code status}, then accept again. */
    public void fail(int count, int status) {
        control("/control/fail", Map.of("count", count, "status", status));
    }

    /** What the inbox listeners accepted, in order. */
    public List<Received> received() {
        List<Received> list = new ArrayList<>();
        for (JsonNode r : get("/control/received").values()) {
            List<Attachment> attachments = new ArrayList<>();
            for (JsonNode a : r.get("attachments").values()) {
                attachments.add(new Attachment(text(a, "type"), text(a, "url"), text(a, "mediaType"),
                        number(a, "width"), number(a, "height"), text(a, "name")));
            }
            list.add(new Received(text(r, "kind"), text(r, "type"), text(r, "id"), text(r, "actor"), texts(r, "to"),
                    texts(r, "cc"), text(r, "objectId"), text(r, "objectType"), text(r, "objectProblem"),
                    text(r, "content"), text(r, "url"), text(r, "published"), text(r, "updated"),
                    text(r, "attributedTo"), texts(r, "objectTo"), texts(r, "objectCc"), text(r, "summary"),
                    attachments, r.get("verified").getBooleanValue()));
        }
        return list;
    }

    /** Every POST the inboxes were sent, accepted or refused, in order. */
    public List<InboxPost> inboxPosts() {
        List<InboxPost> list = new ArrayList<>();
        for (JsonNode p : get("/control/inbox-posts").values()) {
            list.add(new InboxPost(text(p, "path"), text(p, "id"), text(p, "type"), p.get("status").getIntValue(),
                    p.get("signed").getBooleanValue(), text(p, "keyId"), p.get("signerMatchesActor").getBooleanValue()));
        }
        return list;
    }

    /** The POSTs of one activity id, in order. */
    public List<InboxPost> postsOf(String activityId) {
        return inboxPosts().stream().filter(p -> activityId.equals(p.id())).toList();
    }

    /** Waits until the listeners accepted an activity of this type and id; fails with every inbox POST seen. */
    public Received awaitReceived(String type, String id) {
        return awaitReceived(type, r -> id.equals(r.id()), "id " + id);
    }

    /** Waits until the listeners accepted an activity of this type that {@code which} picks, described as {@code what}. */
    public Received awaitReceived(String type, Predicate<Received> which, String what) {
        try {
            Eventually.until("the follower accepted a " + type + " with " + what,
                    () -> find(type, which) != null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the inboxes were sent " + inboxPosts()
                    + "; the listeners got " + received() + "; the follower's output:\n" + output(), e);
        }
        return find(type, which);
    }

    private Received find(String type, Predicate<Received> which) {
        return received().stream().filter(r -> type.equals(r.type()) && which.test(r)).findFirst().orElse(null);
    }

    /**
     * Asserts that the activity was accepted once (whatever the refused attempts before), and that Fedify verified
     * its HTTP Signature with the key {@code actor#main-key}, which belongs to the activity's actor.
     */
    public void assertDeliveredOnceSignedBy(String activityId, String actor) {
        List<InboxPost> posts = postsOf(activityId);
        List<InboxPost> accepted = posts.stream().filter(InboxPost::accepted).toList();
        assertEquals(1, accepted.size(), activityId + " accepted once; its POSTs were " + posts);
        InboxPost post = accepted.get(0);
        assertTrue(post.signed(), activityId + " carries a Signature: " + post);
        assertEquals(actor + "#main-key", post.keyId(), activityId + ": the key Fedify verified it with");
        assertTrue(post.signerMatchesActor(), activityId + ": the signing key belongs to the activity's actor: " + post);
    }

    /** The follower's own HTTP address (its actor is {@code /users/reader}). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The follower's output so far, for failure messages. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private JsonNode control(String path, Map<String, Object> body) {
        Http.Answer answer = http.send(http.request(path).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Fixtures.json(body))));
        if (answer.status() != 200) {
            throw new AssertionError("the follower's " + path + " answered " + answer + "; its log:\n" + output());
        }
        return FeedParsers.jsonTree(answer.body());
    }

    private JsonNode get(String path) {
        Http.Answer answer = http.get(path);
        if (answer.status() != 200) {
            throw new AssertionError("the follower's " + path + " answered " + answer);
        }
        return FeedParsers.jsonTree(answer.body());
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.getStringValue();
    }

    private static Integer number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.getIntValue();
    }

    private static List<String> texts(JsonNode node, String name) {
        List<String> list = new ArrayList<>();
        JsonNode value = node.get(name);
        if (value != null && !value.isNull()) {
            value.values().forEach(v -> list.add(v.getStringValue()));
        }
        return list;
    }
}
