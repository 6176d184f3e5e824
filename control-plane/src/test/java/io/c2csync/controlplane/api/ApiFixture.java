package io.c2csync.controlplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.telemetry.SyncTelemetry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The API on a free port over a coordinator with fakes. */
final class ApiFixture implements AutoCloseable {
    final SyncHarness harness = new SyncHarness();
    private final List<Runnable> closeInOrder = new ArrayList<>();

    ApiClient serve(SyncState state) {
        return serve(harness.coordinatorIn(state));
    }

    /** Serves a coordinator the test drives itself; its sampler waits an hour, so only requests refresh. */
    ApiClient serve(SyncCoordinator coordinator) {
        SyncTelemetry telemetry = SyncTelemetry.start(coordinator, Duration.ofHours(1));
        ApiServer server = ApiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), coordinator,
                telemetry);
        closeInOrder.add(server::close);
        closeInOrder.add(telemetry::close);
        return new ApiClient(server.baseUri());
    }

    static void assertSuccess(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"success\":true}");
        assertThat(reply.contentType()).isEqualTo("application/json");
    }

    /** A reply of the contract's error shape; returns the description. */
    static String assertError(ApiClient.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/json");
        JsonNode json = reply.json();
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("success", "error", "errorDescription");
        assertThat(json.get("success").isBoolean()).isTrue();
        assertThat(json.get("success").booleanValue()).isFalse();
        assertThat(json.get("error").textValue()).isEqualTo(error);
        assertThat(json.get("errorDescription").textValue()).isNotBlank();
        return json.get("errorDescription").textValue();
    }

    @Override
    public void close() {
        closeInOrder.forEach(Runnable::run);
        harness.close();
    }
}
