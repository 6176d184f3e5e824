package io.c2csync.controlplane.api;

import com.sun.net.httpserver.HttpServer;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.telemetry.SyncTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** mongosync's HTTP API on the JDK's HTTP server. */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    private static final int REQUEST_THREADS = 4;

    static {
        // The JDK server writes a reply's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK of the headers (about 40 ms a request). Read once, when the server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService requestThreads;

    private ApiServer(HttpServer server, ExecutorService requestThreads) {
        this.server = server;
        this.requestThreads = requestThreads;
    }

    /** As {@link #start(InetSocketAddress, ApiToken, SyncCoordinator, SyncTelemetry)} without a token. */
    public static ApiServer start(InetSocketAddress address, SyncCoordinator coordinator, SyncTelemetry telemetry) {
        return start(address, ApiToken.NONE, coordinator, telemetry);
    }

    /**
     * Binds to {@code address} (port 0 picks a free port) and starts answering: the API, the
     * progress page at {@code /} and the metrics at {@code /metrics}, all behind {@code token} if it is required.
     */
    public static ApiServer start(InetSocketAddress address, ApiToken token, SyncCoordinator coordinator,
            SyncTelemetry telemetry) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the API to " + address, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService requestThreads = Executors.newFixedThreadPool(REQUEST_THREADS, r -> {
            Thread t = new Thread(r, "api-request-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        JsonCodec json = new JsonCodec();
        Map<String, Endpoint> endpoints = new LinkedHashMap<>(SyncResources.endpoints(coordinator, telemetry, json));
        endpoints.putAll(PageResources.endpoints(telemetry));
        server.createContext("/", new ApiHandler(endpoints, json, token));
        server.setExecutor(requestThreads);
        server.start();
        ApiServer api = new ApiServer(server, requestThreads);
        log.info("API listening on {} ({})", api.baseUri(), token.required() ? "bearer token required" : "no token");
        if (!token.required() && !server.getAddress().getAddress().isLoopbackAddress()) {
            log.warn("The API is bound to {}, not to the loopback address, and has no token: whoever reaches it can"
                    + " start, commit and reverse the sync; give --api-token", server.getAddress().getAddress().getHostAddress());
        }
        return api;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://host:port/api/v1/} */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + SyncResources.BASE_PATH);
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
        try {
            if (!requestThreads.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("API request threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping the API request threads", e);
        }
    }
}
