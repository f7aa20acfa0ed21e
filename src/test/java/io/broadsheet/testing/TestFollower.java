package io.broadsheet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.broadsheet.fediverse.signature.HttpSignatures;
import io.broadsheet.fediverse.signature.PublicKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fediverse server on loopback, as a follower's Mastodon would be: it serves each of its actors' documents (with
 * an RSA public key, an inbox and a shared inbox) at {@code /users/{name}}, counts those fetches, and can hold them
 * unanswered; its actors sign what they send with {@link HttpSignatures}. The base URL may name it by another host
 * name than 127.0.0.1 (a blocked domain), as long as nothing fetches from it.
 */
public final class TestFollower implements AutoCloseable {

    /** An actor of this server, with its key pair. */
    public record Actor(String id, String keyId, String inbox, String sharedInbox, KeyPair keys) {

        /** A POST of {@code json} to {@code target}, signed (draft-cavage) by this actor's key at {@code date}. */
        public HttpRequest.Builder signedPost(URI target, String json, Instant date) {
            return signedPost(target, json, date, keyId, keys.getPrivate());
        }

        /** A POST signed with another key id and key (a forger's, or a rotated one). */
        public HttpRequest.Builder signedPost(URI target, String json, Instant date, String keyId, PrivateKey key) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder post = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/activity+json");
            HttpSignatures.sign("POST", target, body, "application/activity+json", keyId, key, date).forEach(post::header);
            return post;
        }

        /** A POST signed as RFC 9421 says: rsa-v1_5-sha256 over method, authority, path, Content-Digest and type. */
        public HttpRequest.Builder rfc9421Post(URI target, String json, Instant date) throws GeneralSecurityException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            Base64.Encoder base64 = Base64.getEncoder();
            String digest = "sha-256=:" + base64.encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
            String params = "(\"@method\" \"@authority\" \"@path\" \"content-digest\" \"content-type\");created="
                    + date.getEpochSecond() + ";keyid=\"" + keyId + "\";alg=\"rsa-v1_5-sha256\"";
            String base = "\"@method\": POST\n\"@authority\": " + target.getRawAuthority() + "\n\"@path\": "
                    + target.getRawPath() + "\n\"content-digest\": " + digest
                    + "\n\"content-type\": application/activity+json\n\"@signature-params\": " + params;
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(base.getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/activity+json").header("Content-Digest", digest)
                    .header("Signature-Input", "sig1=" + params)
                    .header("Signature", "sig1=:" + base64.encodeToString(rsa.sign()) + ":");
        }
    }

    private final HttpServer server;
    private final Map<String, Actor> actors = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    /** Answers at other paths: (status, Location or body). */
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    /** Names of actors whose document answers 410 Gone (their account was deleted). */
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    public TestFollower() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "test-follower");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/users/", this::serveActor);
        server.createContext("/inbox", this::receive);
        server.createContext("/", this::answer);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new actor at {@code <base>/users/<name>} with a fresh RSA 2048 key pair. */
    public Actor actor(String name) {
        return actor(name, base());
    }

    /** A new actor whose URLs start with {@code base} (another host name for this server). */
    public Actor actor(String name, String base) {
        String id = base + "/users/" + name;
        Actor actor = new Actor(id, id + "#main-key", id + "/inbox", base + "/inbox", newKeys());
        actors.put(name, actor);
        return actor;
    }

    /**
     * A new actor with the given key pair (many actors, one key: cheaper to make), delivered to its own inbox only
     * when {@code sharedInbox} is false (its document then names no shared inbox).
     */
    public Actor actor(String name, KeyPair keys, boolean sharedInbox) {
        String id = base() + "/users/" + name;
        Actor actor = new Actor(id, id + "#main-key", id + "/inbox", sharedInbox ? base() + "/inbox" : null, keys);
        actors.put(name, actor);
        return actor;
    }

    /** From now on the actor's document answers 410 Gone, as a deleted Mastodon account's does. */
    public void delete(String name) {
        gone.add(name);
    }

    /** Serves {@code json} at {@code path} (an uploaded file, say). */
    public void serve(String path, String json) {
        answers.put(path, new String[]{"200", json});
    }

    /** Answers {@code path} with a 302 to {@code location}. */
    public void redirect(String path, String location) {
        answers.put(path, new String[]{"302", location});
    }

    /** The actor {@code name} with a new key pair under the same key id (a rotation); its document serves the new key. */
    public Actor rotate(String name) {
        Actor old = actors.get(name);
        Actor rotated = new Actor(old.id(), old.keyId(), old.inbox(), old.sharedInbox(), newKeys());
        actors.put(name, rotated);
        return rotated;
    }

    /** Actor documents fetched so far. */
    public int fetches() {
        return fetches.get();
    }

    /** From now on, actor fetches wait unanswered until {@link #release()}. */
    public void hold() {
        held = new CountDownLatch(1);
    }

    public void release() {
        held.countDown();
    }

    /** The bodies POSTed to an inbox URL of this server (an actor's own or the shared one), in the order received. */
    public List<String> received(String inbox) {
        return List.copyOf(received.getOrDefault(inbox, List.of()));
    }

    private void receive(HttpExchange exchange) throws IOException {
        String inbox = base() + exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.computeIfAbsent(inbox, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(body);
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    private void serveActor(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/inbox")) {
            receive(exchange);
            return;
        }
        fetches.incrementAndGet();
        try {
            held.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String name = exchange.getRequestURI().getPath().substring("/users/".length());
        Actor actor = actors.get(name);
        if (actor == null || !"GET".equals(exchange.getRequestMethod()) || gone.contains(name)) {
            exchange.sendResponseHeaders(gone.contains(name) ? 410 : 404, -1);
            exchange.close();
            return;
        }
        sendJson(exchange, document(actor.id(), actor.inbox(), actor.sharedInbox(), actor.keyId(), actor.keys()));
    }

    private void answer(HttpExchange exchange) throws IOException {
        fetches.incrementAndGet();
        String[] answer = answers.get(exchange.getRequestURI().getPath());
        if (answer == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        } else if (answer[0].equals("302")) {
            exchange.getResponseHeaders().set("Location", answer[1]);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        } else {
            sendJson(exchange, answer[1]);
        }
    }

    private static void sendJson(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /**
     * An actor document as Mastodon writes one (trimmed to what a follower's server reads), claiming the id {@code id}
     * and publishing {@code keys}' public key as {@code keyId}, owned by {@code id}; no endpoints without a shared inbox.
     */
    public static String document(String id, String inbox, String sharedInbox, String keyId, KeyPair keys) {
        String endpoints = sharedInbox == null ? "" : "\"endpoints\": {\"sharedInbox\": \"" + sharedInbox + "\"},";
        return """
                {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                 "id": "%s", "type": "Person", "preferredUsername": "%s", "inbox": "%s", %s
                 "publicKey": {"id": "%s", "owner": "%s", "publicKeyPem": "%s"}}
                """.formatted(id, id.substring(id.lastIndexOf('/') + 1), inbox, endpoints, keyId, id,
                PublicKeys.toPem(keys.getPublic()).replace("\n", "\\n"));
    }

    /** A fresh RSA 2048 key pair. */
    public static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
