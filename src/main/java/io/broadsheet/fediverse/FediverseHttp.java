package io.broadsheet.fediverse;

import io.broadsheet.config.FeedsConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every request the service sends to the fediverse (remote actor fetches, deliveries), through one HTTP client and
 * the {@link AddressGuard}: no redirect is followed (a 3xx is the answer: an actor's key is accepted only from the
 * key id's own URL, so that an open redirect on a server cannot make another URL speak for one of its actors), a body
 * read up to a limit, and the whole exchange, body included, bounded by delivery-timeout.
 */
@Singleton
public class FediverseHttp {

    private final AddressGuard guard;
    private final Duration timeout;
    private final String userAgent;
    private final HttpClient client;

    @Inject
    public FediverseHttp(FediverseSettings settings, FeedsConfig config) {
        this(settings, config.site().baseUrl());
    }

    FediverseHttp(FediverseSettings settings, String baseUrl) {
        AddressGuard.keepDnsAnswers();
        this.guard = new AddressGuard(settings.allowPrivateAddresses());
        this.timeout = settings.deliveryTimeout();
        this.userAgent = "Broadsheet/" + SoftwareVersion.VALUE + " (+" + baseUrl + ")";
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2) // h2 where the server offers it over TLS, else HTTP/1.1
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Keeps DNS answers cached when the JVM was told to cache none: the address guard relies on the cache. */
    public static void keepDnsAnswers() {
        AddressGuard.keepDnsAnswers();
    }

    /** {@code Broadsheet/<version> (+<base URL>)}, the User-Agent of every request sent. */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Sends through the address guard (DNS answers checked: no loopback, private, link-local, unique-local,
     * multicast or any-local address unless allow-private-addresses); reads at most maxBodyBytes; follows no
     * redirect. The User-Agent is set when the request has none.
     */
    public HttpResponse<byte[]> send(HttpRequest request, int maxBodyBytes) throws IOException, InterruptedException {
        guard.check(request.uri());
        return exchange(prepared(request), maxBodyBytes, System.nanoTime() + timeout.toNanos());
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

    /** The request with a User-Agent and a timeout. */
    private HttpRequest prepared(HttpRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
        if (request.headers().firstValue("User-Agent").isEmpty()) {
            builder.header("User-Agent", userAgent);
        }
        if (request.timeout().isEmpty()) {
            builder.timeout(timeout);
        }
        return builder.build();
    }
}
