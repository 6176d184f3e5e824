package io.c2csync.controlplane.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The control plane's API over real HTTP, as a runbook calls it: each call the demo shows is
 * printed first as the curl command that does the same, then with its answer.
 */
final class DemoApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final URI base;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param base {@code http://host:port/api/v1/} */
    DemoApi(URI base, PrintWriter out) {
        this.base = base;
        this.out = out;
    }

    /** Shows and sends {@code POST /api/v1/<call>}; an answer other than {@code {"success":true}} is a failure. */
    JsonNode post(String call, String body) {
        out.println("  $ curl -s " + base.resolve(call) + " -XPOST --data '" + body + "'");
        JsonNode answer = send(HttpRequest.newBuilder(base.resolve(call)).POST(HttpRequest.BodyPublishers.ofString(body)));
        out.println("  " + answer);
        out.flush();
        if (!answer.path("success").asBoolean()) {
            throw new IllegalStateException("POST /api/v1/" + call + " was refused: " + answer);
        }
        return answer;
    }

    /** Shows and sends {@code GET /api/v1/progress}, printing the whole answer; returns its {@code progress}. */
    JsonNode showProgress() {
        out.println("  $ " + progressCommand());
        JsonNode answer = send(HttpRequest.newBuilder(base.resolve("progress")).GET());
        out.println(indent(pretty(answer)));
        out.flush();
        return progressOf(answer);
    }

    /** {@code GET /api/v1/progress} without printing (the live progress bar polls it). */
    JsonNode progress() {
        return progressOf(send(HttpRequest.newBuilder(base.resolve("progress")).GET()));
    }

    String progressCommand() {
        return "curl -s " + base.resolve("progress");
    }

    private static JsonNode progressOf(JsonNode answer) {
        if (!answer.path("success").asBoolean()) {
            throw new IllegalStateException("GET /api/v1/progress failed: " + answer);
        }
        return answer.path("progress");
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    private static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print " + json, e);
        }
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
