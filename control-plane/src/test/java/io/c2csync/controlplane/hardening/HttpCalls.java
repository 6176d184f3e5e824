package io.c2csync.controlplane.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Requests to a control plane over real HTTP, as a script would send them, with the API token if one is set. */
final class HttpCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param apiBase {@code http://host:port/api/v1/} @param token null to send no Authorization header */
    HttpCalls(URI apiBase, String token) {
        this.server = apiBase.resolve("/");
        this.token = token;
    }

    record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("the reply is not JSON: " + body, e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    HttpCalls withToken(String otherToken) {
        return new HttpCalls(server.resolve("/api/v1/"), otherToken);
    }

    URI server() {
        return server;
    }

    /** {@code path} is absolute on the server, e.g. {@code /api/v1/start}; a null body sends none. */
    Reply send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    Reply post(String call, String body) {
        return send("POST", "/api/v1/" + call, Map.of(), body);
    }

    /** The {@code progress} object of {@code GET /api/v1/progress}. */
    JsonNode progress() {
        Reply reply = send("GET", "/api/v1/progress", Map.of(), null);
        if (reply.status() != 200) {
            throw new IllegalStateException("progress answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().path("progress");
    }
}
