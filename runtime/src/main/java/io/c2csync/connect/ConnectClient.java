package io.c2csync.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A typed client of the Kafka Connect REST API. Every non-2xx answer becomes a
 * {@link ConnectRestException} with the HTTP status and Connect's error message; a worker that
 * cannot be reached gives an {@link UncheckedIOException}.
 */
public final class ConnectClient {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(90);
    /** How long a request is retried while the worker answers that its group is rebalancing. */
    public static final Duration DEFAULT_REBALANCE_PATIENCE = Duration.ofSeconds(30);
    /**
     * A worker answers a status from memory; one that has not answered in this time is stuck (frozen, swapping), and
     * a caller that polls statuses (the control plane's reconcile, on the thread that also runs the commit) must get
     * its error instead of waiting the full request timeout.
     */
    public static final Duration DEFAULT_STATUS_TIMEOUT = Duration.ofSeconds(15);

    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(2);

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JavaType PLUGINS = JSON.constructType(new TypeReference<List<ConnectorPlugin>>() { });
    private static final JavaType NAMES = JSON.constructType(new TypeReference<List<String>>() { });
    private static final JavaType CONFIG = JSON.constructType(new TypeReference<Map<String, String>>() { });
    private static final JavaType INFO = JSON.constructType(ConnectorInfo.class);
    private static final JavaType STATUS = JSON.constructType(ConnectorStatus.class);

    private final URI baseUrl;
    private final Duration requestTimeout;
    private final Duration rebalancePatience;
    private final Duration statusTimeout;
    private final HttpClient http;

    public ConnectClient(URI baseUrl) {
        this(baseUrl, DEFAULT_REQUEST_TIMEOUT);
    }

    public ConnectClient(URI baseUrl, Duration requestTimeout) {
        this(baseUrl, requestTimeout, DEFAULT_REBALANCE_PATIENCE);
    }

    public ConnectClient(URI baseUrl, Duration requestTimeout, Duration rebalancePatience) {
        this(baseUrl, requestTimeout, rebalancePatience, DEFAULT_STATUS_TIMEOUT);
    }

    /** @param statusTimeout how long a status read waits (at most {@code requestTimeout}) */
    public ConnectClient(URI baseUrl, Duration requestTimeout, Duration rebalancePatience, Duration statusTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.rebalancePatience = Objects.requireNonNull(rebalancePatience, "rebalancePatience");
        this.statusTimeout = min(Objects.requireNonNull(statusTimeout, "statusTimeout"), requestTimeout);
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public List<ConnectorPlugin> connectorPlugins() {
        return read(send("GET", "/connector-plugins", null), PLUGINS);
    }

    public List<String> connectors() {
        return read(send("GET", "/connectors", null), NAMES);
    }

    /** Creates a connector; fails with HTTP 409 if one of that name exists. */
    public ConnectorInfo create(String name, Map<String, String> config) {
        return read(send("POST", "/connectors", Map.of("name", name, "config", config)), INFO);
    }

    /** Creates the connector or replaces its whole config. */
    public ConnectorInfo putConfig(String name, Map<String, String> config) {
        return read(send("PUT", connectorPath(name, "/config"), config), INFO);
    }

    public Map<String, String> config(String name) {
        return read(send("GET", connectorPath(name, "/config"), null), CONFIG);
    }

    public ConnectorStatus status(String name) {
        return read(send("GET", connectorPath(name, "/status"), null, statusTimeout), STATUS);
    }

    public void pause(String name) {
        send("PUT", connectorPath(name, "/pause"), null);
    }

    public void resume(String name) {
        send("PUT", connectorPath(name, "/resume"), null);
    }

    /** Restarts the connector and all its tasks. */
    public void restart(String name) {
        send("POST", connectorPath(name, "/restart?includeTasks=true&onlyFailed=false"), null);
    }

    public void delete(String name) {
        send("DELETE", connectorPath(name, ""), null);
    }

    private static String connectorPath(String name, String suffix) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A connector name must not be blank");
        }
        return "/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + suffix;
    }

    /**
     * Sends the request, again while the worker says its group is rebalancing: such an answer means the request
     * was not carried out, so repeating it is safe for every method.
     */
    private String send(String method, String path, Object body) {
        return send(method, path, body, requestTimeout);
    }

    private String send(String method, String path, Object body, Duration timeout) {
        long deadline = System.nanoTime() + rebalancePatience.toNanos();
        Duration pause = FIRST_RETRY_PAUSE;
        while (true) {
            try {
                return sendOnce(method, path, body, timeout);
            } catch (ConnectRestException e) {
                if (!e.isRebalancing() || System.nanoTime() + pause.toNanos() > deadline) {
                    throw e;
                }
            }
            pauseBeforeRetry(pause, method + " " + baseUrl + path);
            pause = min(pause.multipliedBy(2), LONGEST_RETRY_PAUSE);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pauseBeforeRetry(Duration pause, String request) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying " + request, e);
        }
    }

    private String sendOnce(String method, String path, Object body, Duration timeout) {
        String request = method + " " + baseUrl + path;
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Kafka Connect: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ConnectRestException(request, response.statusCode(), errorMessage(response.body()));
        }
        return response.body();
    }

    private static String errorMessage(String body) {
        try {
            JsonNode message = JSON.readTree(body).path("message");
            return message.isTextual() ? message.asText() : body;
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a request body as JSON: " + body, e);
        }
    }

    private static <T> T read(String body, JavaType type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unexpected answer from Kafka Connect: " + body, e);
        }
    }
}
