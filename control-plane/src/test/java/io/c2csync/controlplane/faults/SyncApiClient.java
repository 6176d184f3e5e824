package io.c2csync.controlplane.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The control plane's API over HTTP, as a runbook's curl calls it. */
public final class SyncApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public SyncApiClient(URI base) {
        this.base = base;
    }

    /** The whole reply of {@code POST /api/v1/<call>}: {@code success}, and {@code error} when refused. */
    public JsonNode post(String call, String body) {
        return send(HttpRequest.newBuilder(base.resolve(call)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    /** The {@code progress} object of {@code GET /api/v1/progress}. */
    public JsonNode progress() {
        return send(HttpRequest.newBuilder(base.resolve("progress")).GET()).path("progress");
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("calling " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the API", e);
        }
    }
}
