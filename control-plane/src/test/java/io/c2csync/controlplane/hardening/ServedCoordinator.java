package io.c2csync.controlplane.hardening;

import io.c2csync.controlplane.api.ApiServer;
import io.c2csync.controlplane.api.ApiToken;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.fakes.SyncHarness;
import io.c2csync.controlplane.sync.SyncRecord;
import io.c2csync.controlplane.sync.SyncState;
import io.c2csync.controlplane.telemetry.SyncTelemetry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The real API server on a free loopback port over a coordinator on fakes, driven into a state. */
final class ServedCoordinator implements AutoCloseable {
    final SyncHarness harness = new SyncHarness();
    final HttpCalls calls;
    private final HttpCalls withToken;
    private final SyncTelemetry telemetry;
    private final ApiServer server;

    /** What a bad call must leave as it was: the state, the persisted record, and every call made to the fakes. */
    record Snapshot(String state, Optional<SyncRecord> record, List<String> fakeCalls) {
    }

    /** Without an API token, on a free loopback port. */
    ServedCoordinator(SyncState state) {
        this(state, null, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** @param token the API token, or null for none; {@link #calls} sends none either way */
    ServedCoordinator(SyncState state, String token, InetSocketAddress bind) {
        SyncCoordinator coordinator = harness.coordinatorIn(state);
        telemetry = SyncTelemetry.start(coordinator, Duration.ofHours(1));
        server = ApiServer.start(bind, token == null ? ApiToken.NONE : ApiToken.of(token), coordinator, telemetry);
        calls = new HttpCalls(server.baseUri(), null);
        withToken = calls.withToken(token);
    }

    InetSocketAddress address() {
        return server.address();
    }

    Snapshot snapshot() {
        return new Snapshot(withToken.progress().path("state").asText(),
                harness.store.load(), harness.journal.entries());
    }

    @Override
    public void close() {
        server.close();
        telemetry.close();
        harness.close();
    }
}
