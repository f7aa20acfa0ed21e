package io.broadsheet.fediverse;

import io.broadsheet.fediverse.signature.PublicKeys;
import io.broadsheet.testing.Eventually;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Each feed's key is made once and kept in the database: a restart serves the same key, two instances on one database
 * serve the same key, and an instance that makes a key while another stores its own serves the one that was stored.
 */
@Tag("database")
class ActorKeysTest {

    @Test
    void keySurvivesARestartAndTwoInstancesServeTheSameKey() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("ActorKeysTest"));
        String made;
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            made = pem(first, "all");
            assertEquals(made, pem(first, "all"), "the same key at every request");
        }
        try (EmbeddedServer again = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            assertEquals(made, pem(again, "all"), "after a restart");
            assertEquals(made, pem(other, "all"), "on another instance");
            CompletableFuture<String> fromAgain = CompletableFuture.supplyAsync(() -> pem(again, "teasers"));
            CompletableFuture<String> fromOther = CompletableFuture.supplyAsync(() -> pem(other, "teasers"));
            assertEquals(fromAgain.join(), fromOther.join(), "a key both instances made at once");
            assertNotEquals(made, fromAgain.join(), "each feed its own key");
        }
    }

    @Test
    void instanceThatMakesAKeyWhileAnotherStoresOneServesTheStoredOne() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.freshProperties("ActorKeysRaceTest"));
        String url = (String) properties.get("datasources.default.url");
        KeyPair theirs = rsa();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             Connection other = TestDatabase.connect(url)) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO fediverse_actor_key (feed, public_key_pem,"
                    + " private_key_pkcs8, created_at) VALUES ('teasers', ?, ?, ?)")) {
                insert.setString(1, PublicKeys.toPem(theirs.getPublic()));
                insert.setString(2, PublicKeys.pkcs8Base64(theirs.getPrivate()));
                insert.setObject(3, OffsetDateTime.parse("2026-12-01T00:00:00Z"));
                insert.executeUpdate();
            }
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> pem(server, "teasers"));
            Eventually.until("the service's insert waits for the other transaction", () -> waiting(url));
            other.commit();
            assertEquals(PublicKeys.toPem(theirs.getPublic()), served.join(), "the key the other instance stored");
            assertEquals(PublicKeys.toPem(theirs.getPublic()), pem(server, "teasers"), "and from then on");
        }
    }

    /** Whether a session of the database waits for a lock another holds. */
    private static boolean waiting(String url) {
        String sql = TestDatabase.isPostgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE 'INSERT INTO fediverse_actor_key%'"
                : "SELECT COUNT(*) FROM information_schema.sessions"
                + " WHERE executing_statement LIKE 'INSERT INTO fediverse_actor_key%'";
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(EmbeddedServer server, String feed) {
        Http.Answer answer = new Http(server.getURI()).send(HttpRequest.newBuilder(server.getURI().resolve("/fediverse/" + feed))
                .header("Accept", "application/activity+json").GET());
        assertEquals(200, answer.status(), answer.body());
        return FeedParsers.jsonTree(answer.body()).get("publicKey").get("publicKeyPem").getStringValue();
    }
}
