package io.c2csync.controlplane.api;

import io.c2csync.controlplane.telemetry.SyncTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The progress page at {@code /} with its script and data, and the Prometheus metrics at {@code /metrics}. */
final class PageResources {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PAGE_FOLDER = "page/";

    private PageResources() {
    }

    static Map<String, Endpoint> endpoints(SyncTelemetry telemetry) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        endpoints.put("/", bundled("index.html", "text/html; charset=utf-8"));
        endpoints.put("/assets/progress.js", bundled("progress.js", "text/javascript; charset=utf-8"));
        endpoints.put("/assets/progress.css", bundled("progress.css", "text/css; charset=utf-8"));
        endpoints.put("/page/status", new Endpoint("GET", body -> PageStatus.of(telemetry.latest(),
                telemetry.lagHistory(), telemetry.eventsPerSecond().orElse(null))));
        endpoints.put("/metrics", new Endpoint("GET", body ->
                new RawReply(PROMETHEUS_TEXT, telemetry.scrape().getBytes(StandardCharsets.UTF_8))));
        return endpoints;
    }

    /** A file of the page, read once at start so a missing one fails the start, not a request. */
    private static Endpoint bundled(String name, String contentType) {
        RawReply reply = new RawReply(contentType, read(PAGE_FOLDER + name));
        return new Endpoint("GET", body -> reply);
    }

    private static byte[] read(String resource) {
        try (InputStream in = PageResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the progress page resource " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the progress page resource " + resource, e);
        }
    }
}
