package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every request the service sends to the fediverse (remote actor fetches, deliveries), through one HTTP client and
 * the {@link AddressGuard}: no automatic redirect (a GET follows up to {@value #MAX_REDIRECTS}, each checked
 * again), a body read up to a limit, and the whole exchange, body included, bounded by delivery-timeout.
 */
@Singleton
public class FediverseHttp {

    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** What a redirected GET keeps: the signature covered the first URL, not the next one. */
    private static final Set<String> KEPT_ON_REDIRECT = Set.of("accept", "user-agent");

    private final AddressGuard guard;
    private final Duration timeout;
    private final String userAgent;
    private final HttpClient client;

    @Inject
    public FediverseHttp(FediverseSettings settings, FeedsConfig config) {
        this(settings, config.site().baseUrl());
    }

    FediverseHttp(FediverseSettings settings, String baseUrl) {
        this.guard = new AddressGuard(settings.allowPrivateAddresses());
        this.timeout = settings.deliveryTimeout();
        this.userAgent = "Broadsheet/" + version() + " (+" + baseUrl + ")";
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2) // h2 where the server offers it over TLS, else HTTP/1.1
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code Broadsheet/<version> (+<base URL>)}, the User-Agent of every request sent. */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Sends through the address guard (DNS answers checked: no loopback, private, link-local, unique-local,
     * multicast or any-local address unless allow-private-addresses); reads at most maxBodyBytes; follows no
     * redirect for POST, up to 3 for GET, each checked again. The User-Agent is set when the request has none.
     */
    public HttpResponse<byte[]> send(HttpRequest request, int maxBodyBytes) throws IOException, InterruptedException {
        HttpRequest current = prepared(request, request.uri(), true);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            guard.check(current.uri());
            HttpResponse<byte[]> response = exchange(current, maxBodyBytes, deadline);
            String location = response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(response.statusCode()) || location == null || !"GET".equals(current.method())
                    || redirects == MAX_REDIRECTS) {
                return response;
            }
            current = prepared(current, current.uri().resolve(location), false);
        }
    }

    /** One exchange, answered (body included) before the deadline or cancelled. */
    private HttpResponse<byte[]> exchange(HttpRequest request, int maxBodyBytes, long deadline)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, BoundedBody.handler(maxBodyBytes));
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer from " + request.uri().getHost() + " within " + timeout);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** The request with a User-Agent and a timeout, at {@code uri}; a redirect keeps only the unsigned fields. */
    private HttpRequest prepared(HttpRequest request, URI uri, boolean first) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) ->
                first || KEPT_ON_REDIRECT.contains(name.toLowerCase(Locale.ROOT))).uri(uri);
        if (!first) {
            builder.GET();
        }
        if (request.headers().firstValue("User-Agent").isEmpty()) {
            builder.header("User-Agent", userAgent);
        }
        if (request.timeout().isEmpty()) {
            builder.timeout(timeout);
        }
        return builder.build();
    }

    /** The version Maven wrote into the jar; "dev" when running from compiled classes. */
    private static String version() {
        try (InputStream in = FediverseHttp.class.getResourceAsStream("/META-INF/maven/io.broadsheet/broadsheet/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
