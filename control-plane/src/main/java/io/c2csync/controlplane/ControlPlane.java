package io.c2csync.controlplane;

import io.c2csync.controlplane.api.ApiServer;
import io.c2csync.controlplane.coordinator.SyncCoordinator;
import io.c2csync.controlplane.persist.FileSyncStateStore;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.ProgressSignals;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running control plane: the API answers from the first moment (INITIALIZING), then the
 * persisted sync is recovered. The caller brings the clusters, the pipeline and its signals.
 */
public final class ControlPlane implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);

    private final SyncCoordinator coordinator;
    private final ApiServer api;

    private ControlPlane(SyncCoordinator coordinator, ApiServer api) {
        this.coordinator = coordinator;
        this.api = api;
    }

    public static ControlPlane start(ControlPlaneOptions options, Clusters clusters, Pipeline pipeline,
            ProgressSignals signals, Clock clock) {
        long started = System.nanoTime();
        SyncCoordinator coordinator = new SyncCoordinator(options.coordinator(), clusters, pipeline, signals,
                new FileSyncStateStore(options.stateFile()), clock);
        ApiServer api;
        try {
            api = ApiServer.start(options.bind(), coordinator);
        } catch (RuntimeException e) {
            coordinator.close();
            throw e;
        }
        ControlPlane controlPlane = new ControlPlane(coordinator, api);
        try {
            coordinator.recover();
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
        coordinator.close();
    }
}
