package io.c2csync.controlplane.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Kafka Connect's REST API in memory for unit tests: configs, statuses and every request received. */
final class FakeConnectServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, Map<String, String>> configs = new ConcurrentHashMap<>();
    final Map<String, String> statuses = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeConnectServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/connectors/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().split("/");
        String name = path[2];
        String action = path.length > 3 ? path[3] : "";
        requests.add(method + " " + name + (action.isEmpty() ? "" : "/" + action));
        try (exchange) {
            if (method.equals("PUT") && action.equals("config")) {
                @SuppressWarnings("unchecked")
                Map<String, String> config = JSON.readValue(exchange.getRequestBody(), Map.class);
                configs.put(name, config);
                reply(exchange, 201, JSON.writeValueAsString(Map.of("name", name, "config", config,
                        "tasks", List.of(), "type", "sink")));
            } else if (!configs.containsKey(name)) {
                reply(exchange, 404, "{\"error_code\":404,\"message\":\"Connector " + name + " not found\"}");
            } else if (action.equals("config")) {
                Map<String, String> withName = new java.util.HashMap<>(configs.get(name));
                withName.put("name", name);
                reply(exchange, 200, JSON.writeValueAsString(withName));
            } else if (action.equals("status")) {
                reply(exchange, 200, statuses.get(name));
            } else {
                if (method.equals("DELETE")) {
                    configs.remove(name);
                }
                reply(exchange, 202, "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
