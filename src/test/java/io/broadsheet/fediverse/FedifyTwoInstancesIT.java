package io.broadsheet.fediverse;

import io.broadsheet.testing.FediverseFollower;
import io.broadsheet.testing.FediverseFollower.InboxPost;
import io.broadsheet.testing.FeedParsers;
import io.broadsheet.testing.Fixtures;
import io.broadsheet.testing.Http;
import io.broadsheet.testing.ServiceProcess;
import io.broadsheet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two jars on one PostgreSQL database, as behind a load balancer, and a follower built on Fedify: every activity
 * either instance queues reaches the follower's inbox exactly once, whichever instance takes it from the queue.
 */
class FedifyTwoInstancesIT {

    private static final int ARTICLES = 20;

    @TempDir
    static Path work;

    private static ServiceProcess a;
    private static ServiceProcess b;
    private static FediverseFollower follower;
    private static String actor;

    @BeforeAll
    static void startTwoInstancesAndFollow() throws Exception {
        FediverseFollower.assumeAvailable();
        Map<String, String> database;
        try {
            database = TestDatabase.freshPostgres("fedify_two_instances");
        } catch (RuntimeException e) {
            System.out.println("Skipped: no PostgreSQL could be started or reached: " + e);
            Assumptions.abort("no PostgreSQL could be started or reached: " + e);
            return;
        }
        Map<String, String> env = new HashMap<>();
        env.put("DATASOURCES_DEFAULT_URL", database.get("datasources.default.url"));
        env.put("DATASOURCES_DEFAULT_USERNAME", database.get("datasources.default.username"));
        env.put("DATASOURCES_DEFAULT_PASSWORD", database.get("datasources.default.password"));
        env.put("BROADSHEET_FEDIVERSE_ALLOW_PRIVATE_ADDRESSES", "true");
        env.put("BROADSHEET_FEDIVERSE_FIRST_RETRY", "500ms");
        a = new ServiceProcess(work.resolve("a"), env);
        b = new ServiceProcess(work.resolve("b"), env);
        // one site: both instances name it by the first one's address, as both would by the balancer's
        for (ServiceProcess instance : List.of(a, b)) {
            instance.putEnv("BROADSHEET_SITE_BASE_URL", a.baseUrl());
        }
        a.start();
        b.start();
        actor = a.baseUrl() + "/fediverse/world";
        publish(a, "two-archived", "2024-01-01T00:00:00Z"); // the category feed exists once it holds an article
        follower = FediverseFollower.start(work.resolve("follower"));
        Map<String, String> followed = follower.follow("@world@" + URI.create(a.baseUrl()).getAuthority());
        follower.awaitReceived("Accept", r -> followed.get("follow").equals(r.objectId()), "the Follow as object");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[]{follower, a, b}) {
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void eachActivityReachesTheFollowerOnceWhenTwoInstancesShareTheQueue() {
        List<String> creates = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            ServiceProcess through = i % 2 == 0 ? a : b;
            long id = publish(through, "two-" + i, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            creates.add(actor + "/notes/" + id + "#create");
        }
        for (String create : creates) {
            follower.awaitReceived("Create", create);
        }
        // a later activity arrives after all of them: by then a second copy of any would have been sent
        long last = publish(b, "two-last", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        follower.awaitReceived("Create", actor + "/notes/" + last + "#create");

        List<InboxPost> posts = follower.inboxPosts();
        Map<String, Long> accepted = posts.stream().filter(InboxPost::accepted)
                .collect(Collectors.groupingBy(InboxPost::id, TreeMap::new, Collectors.counting()));
        Map<String, Long> twice = new TreeMap<>(accepted);
        twice.values().removeIf(count -> count == 1);
        assertEquals(Map.of(), twice, "activities the follower accepted more than once, of " + posts);
        assertEquals(ARTICLES + 2, accepted.size(), "the Accept and " + (ARTICLES + 1) + " Creates: " + accepted.keySet());
        for (String create : creates) {
            follower.assertDeliveredOnceSignedBy(create, actor);
        }
    }

    private static long publish(ServiceProcess instance, String key, String publishedAt) {
        Map<String, Object> input = Fixtures.with(Fixtures.article(key, publishedAt, "world"), "url", null);
        Http.Answer answer = instance.http().post("/api/articles", Fixtures.json(input));
        assertEquals(201, answer.status(), answer.body());
        return FeedParsers.jsonTree(answer.body()).get("id").getLongValue();
    }
}
