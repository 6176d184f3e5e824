package io.c2csync.controlplane.coordinator;

import io.c2csync.controlplane.sync.ClusterName;
import io.c2csync.controlplane.sync.Clusters;
import io.c2csync.controlplane.sync.Pipeline;
import io.c2csync.controlplane.sync.SyncRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Undoes what a failed start did, so that the sync is IDLE again; what cannot be undone is logged. */
final class StartUndo {
    private static final Logger log = LoggerFactory.getLogger(StartUndo.class);

    private final Clusters clusters;
    private final Pipeline pipeline;
    private final SyncRecordKeeper keeper;

    StartUndo(Clusters clusters, Pipeline pipeline, SyncRecordKeeper keeper) {
        this.clusters = clusters;
        this.pipeline = pipeline;
        this.keeper = keeper;
    }

    /** Each undo that fails is added to {@code failure} as suppressed. */
    void undo(SyncRecord starting, RuntimeException failure) {
        log.warn("Start failed; undoing it", failure);
        attempt(failure, "removing connector pair " + starting.pair().generation(),
                () -> pipeline.remove(starting.pair()));
        if (starting.spec().writeBlocking().blocksDestination()) {
            ClusterName destination = starting.direction().destination();
            attempt(failure, "lifting user write blocking on " + clusters.describe(destination),
                    () -> clusters.get(destination).setUserWriteBlocking(false));
        }
        attempt(failure, "forgetting the started sync", keeper::forget);
    }

    private static void attempt(RuntimeException failure, String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("Undoing the failed start: {} failed; do it by hand", what, e);
        }
    }
}
