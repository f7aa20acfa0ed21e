package io.broadsheet.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** A plain HTTP client for tests: real requests over loopback, answers of every status returned, not thrown. */
public final class Http {

    public static final String ADMIN_TOKEN = "test-admin-token-of-at-least-32-characters";

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    /** An answer: status, headers and body as text. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer getAsAdmin(String path) {
        return send(admin(path).GET());
    }

    public Answer post(String path, String json) {
        return send(admin(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, String json, String ifMatch) {
        HttpRequest.Builder builder = admin(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder);
    }

    public Answer delete(String path) {
        return send(admin(path).DELETE());
    }

    public Answer importLines(String ndjson) {
        return send(admin("/api/articles/import").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    }

    public Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET asking for gzip, its body the bytes as they came (compressed when the server compressed them). */
    public HttpResponse<byte[]> gzipped(String path) {
        try {
            return client.send(request(path).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of a gzip body. */
    public static String gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    public HttpRequest.Builder admin(String path) {
        return request(path).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
}
