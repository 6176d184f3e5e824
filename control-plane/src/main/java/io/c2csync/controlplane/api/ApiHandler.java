package io.c2csync.controlplane.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.c2csync.controlplane.sync.SyncError;
import io.c2csync.controlplane.sync.SyncException;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes every request, and is the one place that turns a failure into the contract's JSON error. */
final class ApiHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final Map<String, Endpoint> endpoints;
    private final JsonCodec json;
    private final ApiToken token;

    ApiHandler(Map<String, Endpoint> endpoints, JsonCodec json, ApiToken token) {
        this.endpoints = Map.copyOf(endpoints);
        this.json = json;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            Object reply;
            try {
                reply = answer(exchange, method, path);
            } catch (SyncException e) {
                status = e.error().httpStatus();
                reply = failure(e.error(), e.description());
                if (e.error() == SyncError.METHOD_NOT_ALLOWED) {
                    exchange.getResponseHeaders().set("Allow", endpoints.get(path).method());
                }
                if (e.error() == SyncError.UNAUTHORIZED) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"c2c-sync\"");
                }
                log.info("{} {} refused: {} {}", method, path, e.error().errorName(), e.description());
            } catch (RuntimeException e) {
                log.error("Internal error answering {} {}", method, path, e);
                status = SyncError.INTERNAL_ERROR.httpStatus();
                reply = failure(SyncError.INTERNAL_ERROR, "internal error: " + e);
            }
            RawReply raw = reply instanceof RawReply r ? r : null;
            exchange.getResponseHeaders().set("Content-Type", raw == null ? "application/json" : raw.contentType());
            if ("HEAD".equals(method)) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] body = raw == null ? json.write(reply) : raw.body();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            // before closing, which first drains (up to 64 KiB of) a body left unread, e.g. one refused as too large
            exchange.getResponseBody().flush();
        }
    }

    private Object answer(HttpExchange exchange, String method, String path) {
        if (!token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw new SyncException(SyncError.UNAUTHORIZED, "this API needs the header 'Authorization: Bearer <token>'"
                    + " with the token given to --api-token");
        }
        Endpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            throw new SyncException(SyncError.NOT_FOUND, "no endpoint at " + path + "; the API is under "
                    + SyncResources.BASE_PATH + " (" + String.join(", ", endpoints.keySet().stream().sorted().toList())
                    + ")");
        }
        if (!endpoint.method().equals(method)) {
            throw new SyncException(SyncError.METHOD_NOT_ALLOWED,
                    path + " takes " + endpoint.method() + ", not " + method);
        }
        ObjectNode body = "GET".equals(method) ? null : json.readObject(
                RequestBody.read(exchange.getRequestHeaders(), exchange.getRequestBody()));
        return endpoint.action().apply(body);
    }

    private static Replies.Failure failure(SyncError error, String description) {
        return new Replies.Failure(false, error.errorName(), description);
    }
}
