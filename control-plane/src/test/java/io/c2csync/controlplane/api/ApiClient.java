package io.c2csync.controlplane.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small typed client of the API for tests. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(URI base) {
        this.base = base;
    }

    record Reply(int status, String body, String contentType, String allow) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("reply is not JSON: " + body, e);
            }
        }
    }

    Reply start(String body) {
        return post("start", body);
    }

    Reply pause() {
        return post("pause", "{}");
    }

    Reply resume() {
        return post("resume", "{}");
    }

    Reply commit() {
        return post("commit", "{}");
    }

    Reply reverse() {
        return post("reverse", "{ }");
    }

    Reply progress() {
        return send("GET", "progress", null);
    }

    Reply post(String call, String body) {
        return send("POST", call, body);
    }

    /** {@code path} is relative to {@code /api/v1/}; a null body sends none. */
    Reply send(String method, String path, String body) {
        return sendTo(base.resolve(path), method, body);
    }

    /** An absolute path on the server, e.g. {@code /api/v2/start}. */
    URI uriOf(String absolutePath) {
        return base.resolve(absolutePath);
    }

    Reply sendTo(URI uri, String method, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Allow").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + uri, e);
        }
    }
}
