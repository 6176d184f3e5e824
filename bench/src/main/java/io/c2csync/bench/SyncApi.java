package io.c2csync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The control plane's HTTP API as a user calls it: POST the commands, GET /progress. */
final class SyncApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    /** @param base {@code http://host:port/api/v1/} */
    SyncApi(URI base) {
        this.base = base;
    }

    /** POSTs {@code body} to the command; throws with the reply unless it says {@code success: true}. */
    void command(String name, Object body) {
        try {
            JsonNode reply = send(HttpRequest.newBuilder(base.resolve(name)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
            if (!reply.path("success").asBoolean(false)) {
                throw new IllegalStateException("POST /" + name + " was refused: " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("POST /" + name + " failed", e);
        }
    }

    /** The {@code progress} object of {@code GET /progress}. */
    JsonNode progress() {
        JsonNode reply = send(HttpRequest.newBuilder(base.resolve("progress")).timeout(REQUEST_TIMEOUT).GET().build());
        if (!reply.has("progress")) {
            throw new IllegalStateException("GET /progress answered without progress: " + reply);
        }
        return reply.get("progress");
    }

    private JsonNode send(HttpRequest request) {
        try {
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
