package io.c2csync.controlplane;

import io.c2csync.controlplane.api.ApiServer;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.persist.FileSyncStateStore;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProgressSignals;
import io.c2csync.controlplane.sync.Verification;
import io.c2csync.controlplane.telemetry.SyncTelemetry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running control plane: the API answers from the first moment (INITIALIZING), then the
 * persisted sync is recovered. The caller brings the clusters, the pipeline, its signals and the verifier.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);

    /** How often the progress is sampled for the metrics and the lag chart when nobody asks. */
    static final Duration PROGRESS_SAMPLE_INTERVAL = Duration.ofSeconds(5);

    private final SyncCoordinator coordinator;
    private final SyncTelemetry telemetry;
    private final ApiServer api;

    private ControlPlane(SyncCoordinator coordinator, SyncTelemetry telemetry, ApiServer api) {
        this.coordinator = coordinator;
        this.telemetry = telemetry;
        this.api = api;
    }

    public static ControlPlane start(ControlPlaneOptions options, Clusters clusters, Pipeline pipeline,
            ProgressSignals signals, Verification verification, Clock clock) {
        long started = System.nanoTime();
        SyncCoordinator coordinator = new SyncCoordinator(options.coordinator(), clusters, pipeline, signals,
                verification, new FileSyncStateStore(options.stateFile()), clock);
        SyncTelemetry telemetry = SyncTelemetry.start(coordinator, PROGRESS_SAMPLE_INTERVAL);
        ApiServer api;
        try {
            api = ApiServer.start(options.bind(), options.apiToken(), coordinator, telemetry);
        } catch (RuntimeException e) {
            telemetry.close();
            coordinator.close();
            throw e;
        }
        ControlPlane controlPlane = new ControlPlane(coordinator, telemetry, api);
        try {
            coordinator.recover();
            telemetry.refresh();
        } catch (RuntimeException e) {
            controlPlane.close();
            throw e;
        }
        log.info("Starting the control plane took {} ms; state {}",
                (System.nanoTime() - started) / 1_000_000, coordinator.state());
        return controlPlane;
    }

    /** {@code http://host:port/api/v1/} */
    public URI apiUri() {
        return api.baseUri();
    }

    public SyncCoordinator coordinator() {
        return coordinator;
    }

    @Override
    public void close() {
        api.close();
        telemetry.close();
        coordinator.close();
    }
}
